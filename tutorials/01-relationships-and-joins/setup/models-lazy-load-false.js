const db = await Database.open(':memory:');

class BaseModel extends Model {
  static database = db;
}

class User extends BaseModel {
  static username = new TextField();
}

// Tweet.user does not fetch its User on access: it gives the raw id.
class Tweet extends BaseModel {
  static user = new ForeignKeyField(User, { backref: 'tweets', lazyLoad: false });
  static content = new TextField();
  static timestamp = new DateTimeField({ default: now });
}

class Favorite extends BaseModel {
  static user = new ForeignKeyField(User, { backref: 'favorites' });
  static tweet = new ForeignKeyField(Tweet, { backref: 'favorites' });
}
