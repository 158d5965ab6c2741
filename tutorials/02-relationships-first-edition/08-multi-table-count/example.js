const query = User
  .select(User.username, fn.COUNT(Favorite.id).alias('count'))
  .join(Tweet, JOIN.LEFT_OUTER) // Joins user -> tweet.
  .join(Favorite, JOIN.LEFT_OUTER) // Joins tweet -> favorite.
  .groupBy(User.username);

for (const user of query) {
  print(user.username, user.count);
}
