const query = Tweet
  .select(Tweet.content, fn.COUNT(Favorite.id).alias('count'))
  .join(User) // Join from tweet -> user.
  .switch(Tweet) // Move the "join context" back to tweet.
  .join(Favorite, JOIN.LEFT_OUTER) // Join from tweet -> favorite.
  .where(User.username.eq('huey'))
  .groupBy(Tweet.content);

for (const tweet of query) {
  print(`${tweet.content} favorited ${tweet.count} times`);
}
