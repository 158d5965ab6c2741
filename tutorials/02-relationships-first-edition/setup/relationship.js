class Relationship extends BaseModel {
  static fields = {
    from_user: new ForeignKeyField(User, { backref: 'relationships' }),
    to_user: new ForeignKeyField(User, { backref: 'related_to' }),
  };
  static meta = {
    indexes: [
      // Specify a unique multi-column index on from/to-user.
      [['from_user', 'to_user'], true],
    ],
  };
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
