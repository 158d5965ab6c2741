const db = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database: db };
}

class User extends BaseModel {
  static fields = {
    username: new TextField(),
  };
}

class Tweet extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User), // no backref given
    content: new TextField(),
    timestamp: new DateTimeField({ default: now }),
  };
}

db.createTables([User, Tweet]);
const alice = User.create({ username: 'alice' });
const bob = User.create({ username: 'bob' });
for (const content of ['alice-1', 'alice-2']) {
  Tweet.create({ user: alice, content });
}
Tweet.create({ user: bob, content: 'bob-1' });
