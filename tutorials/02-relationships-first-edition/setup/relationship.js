class Relationship extends BaseModel {
  static from_user = new ForeignKeyField(User, { backref: 'relationships' });
  static to_user = new ForeignKeyField(User, { backref: 'related_to' });
  static indexes = [{ fields: ['from_user', 'to_user'], unique: true }];
}

db.createTables([Relationship]);
// A user "charlie"; charlie follows huey and mickey; huey and zaizee follow charlie;
// mickey follows huey.
const charlie = User.create({ username: 'charlie' });
const usersByName = Object.fromEntries([...User.select()].map((u) => [u.username, u]));
for (const [a, b] of [
  ['charlie', 'huey'],
  ['charlie', 'mickey'],
  ['huey', 'charlie'],
  ['zaizee', 'charlie'],
  ['mickey', 'huey'],
]) {
  Relationship.create({ from_user: usersByName[a], to_user: usersByName[b] });
}
