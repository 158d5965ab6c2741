// MATERIALIZE: the user ids are sent inline, with no parent subquery.
const tweets = new Load(User.tweets, { strategy: PREFETCH_TYPE.MATERIALIZE });
const query = User.select().withRelated(tweets);
for (const user of query) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
