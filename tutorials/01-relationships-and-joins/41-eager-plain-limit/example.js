const tweets = Tweet.select().orderBy(Tweet.timestamp.desc()).limit(2);
const query = User.select().withRelated(new Load(User.tweets, tweets));

for (const user of query) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
