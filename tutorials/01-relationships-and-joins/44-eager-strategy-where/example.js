const tweets = new Load(User.tweets, { strategy: PREFETCH_TYPE.WHERE });
const query = User.select().paginate(1, 20).withRelated(tweets);
for (const user of query) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
