const query = Tweet
  .select(Tweet.content, fn.COUNT(Favorite.id).alias('count'))
  .joinFrom(Tweet, User) // Join tweet -> user.
  .joinFrom(Tweet, Favorite, JOIN.LEFT_OUTER) // Join tweet -> favorite.
  .where(User.username.eq('huey'))
  .groupBy(Tweet.content);

for (const tweet of query) {
  print(`${tweet.content} favorited ${tweet.count} times`);
}
