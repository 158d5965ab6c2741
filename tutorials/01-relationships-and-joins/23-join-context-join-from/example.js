const query = Tweet
  .select(Tweet.content, fn.COUNT(Favorite.id).alias('fav_count'))
  .joinFrom(Tweet, User)
  .joinFrom(Tweet, Favorite, JOIN.LEFT_OUTER)
  .where(User.username.eq('alice'))
  .groupBy(Tweet.content);
for (const tweet of query) {
  print(`${tweet.content}: favorited ${tweet.fav_count} times`);
}
