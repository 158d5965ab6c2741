const recent = Tweet.select()
  .where(Tweet.content.ne('alice-2'))
  .orderBy(Tweet.timestamp.desc());
const query = User.select().withRelated(new Load(User.tweets, recent));

for (const user of query) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
