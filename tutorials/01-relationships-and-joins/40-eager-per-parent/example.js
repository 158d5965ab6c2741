// The two most recent tweets of each user, in one query:
const tweets = Tweet.select().orderBy(Tweet.timestamp.desc());
const query = User.select().withRelated(new Load(User.tweets, tweets, { perParent: 2 }));

for (const user of query) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
