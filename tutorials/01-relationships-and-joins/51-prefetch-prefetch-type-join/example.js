const users = prefetch(User.select().orderBy(User.username), Tweet.select(), {
  prefetchType: PREFETCH_TYPE.JOIN,
});
for (const user of users) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
