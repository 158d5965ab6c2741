function createTestData() {
  db.createTables([User, Tweet, Favorite]);

  const users = {};
  for (const name of ['alice', 'bob', 'carol']) {
    users[name] = User.create({ username: name });
  }

  const tweetData = {
    alice: ['alice-1', 'alice-2', 'alice-3'],
    bob: ['bob-1', 'bob-2'],
    carol: [],
  };
  const tweets = {};
  for (const [username, contents] of Object.entries(tweetData)) {
    for (const content of contents) {
      tweets[content] = Tweet.create({ user: users[username], content });
    }
  }

  // alice favorites bob's "bob-2",
  // bob favorites alice's "alice-3",
  // carol favorites alice's "alice-1" and "alice-3".
  const favoriteData = [
    ['alice', ['bob-2']],
    ['bob', ['alice-3']],
    ['carol', ['alice-1', 'alice-3']],
  ];
  for (const [username, contents] of favoriteData) {
    for (const content of contents) {
      Favorite.create({ user: users[username], tweet: tweets[content] });
    }
  }
}
