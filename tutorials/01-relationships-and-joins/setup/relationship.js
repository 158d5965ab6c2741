class Relationship extends BaseModel {
  static fields = {
    from_user: new ForeignKeyField(User, { backref: 'following' }),
    to_user: new ForeignKeyField(User, { backref: 'followers' }),
  };
  static meta = {
    indexes: [[['from_user', 'to_user'], true]],
  };
}

db.createTables([Relationship]);
// alice follows bob and carol; bob follows alice; carol follows bob.
const usersByName = Object.fromEntries([...User.select()].map((u) => [u.username, u]));
for (const [a, b] of [['alice', 'bob'], ['alice', 'carol'], ['bob', 'alice'], ['carol', 'bob']]) {
  Relationship.create({ from_user: usersByName[a], to_user: usersByName[b] });
}
