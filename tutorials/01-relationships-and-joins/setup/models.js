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
    user: new ForeignKeyField(User, { backref: 'tweets' }),
    content: new TextField(),
    timestamp: new DateTimeField({ default: now }),
  };
}

class Favorite extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { backref: 'favorites' }),
    tweet: new ForeignKeyField(Tweet, { backref: 'favorites' }),
  };
}
