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
    content: new TextField(),
    timestamp: new DateTimeField({ default: now }),
    user: new ForeignKeyField(User, { backref: 'tweets' }),
  };
}

class Favorite extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { backref: 'favorites' }),
    tweet: new ForeignKeyField(Tweet, { backref: 'favorites' }),
  };
}

function populateTestData() {
  db.createTables([User, Tweet, Favorite]);

  const data = [
    ['huey', ['meow', 'hiss', 'purr']],
    ['mickey', ['woof', 'whine']],
    ['zaizee', []],
  ];
  for (const [username, tweets] of data) {
    const user = User.create({ username });
    for (const tweet of tweets) {
      Tweet.create({ user, content: tweet });
    }
  }

  // Populate a few favorites for our users, such that:
  const favoriteData = [
    ['huey', ['whine']],
    ['mickey', ['purr']],
    ['zaizee', ['meow', 'purr']],
  ];
  for (const [username, favorites] of favoriteData) {
    const user = User.get(User.username.eq(username));
    for (const content of favorites) {
      const tweet = Tweet.get(Tweet.content.eq(content));
      Favorite.create({ user, tweet });
    }
  }
}
