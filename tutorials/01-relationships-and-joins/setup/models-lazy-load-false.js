const db = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database: db };
}

class User extends BaseModel {
  static fields = {
    username: new TextField(),
  };
}

// Tweet.user does not fetch its User on access: it gives the raw id.
class Tweet extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { backref: 'tweets', lazyLoad: false }),
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
