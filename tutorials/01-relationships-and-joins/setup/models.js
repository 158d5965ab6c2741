const db = await Database.open(':memory:');

class BaseModel extends Model {
  static database = db;
}

class User extends BaseModel {
  static username = new TextField();
}

class Tweet extends BaseModel {
  static user = new ForeignKeyField(User, { backref: 'tweets' });
  static content = new TextField();
  static timestamp = new DateTimeField({ default: now });
}

class Favorite extends BaseModel {
  static user = new ForeignKeyField(User, { backref: 'favorites' });
  static tweet = new ForeignKeyField(Tweet, { backref: 'favorites' });
}
