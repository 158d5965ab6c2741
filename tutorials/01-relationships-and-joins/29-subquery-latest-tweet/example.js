// Define the subquery first. It uses an alias of Tweet, since the outer query selects from
// Tweet itself.
const Latest = Tweet.alias();
const latestQuery = Latest
  .select(Latest.user, fn.MAX(Latest.timestamp).alias('max_ts'))
  .groupBy(Latest.user)
  .alias('latest_query');

// The join predicate matches tweets on their timestamp *and* user_id.
const predicate = Tweet.user.eq(latestQuery.c.user_id)
  .and(Tweet.timestamp.eq(latestQuery.c.max_ts));

// Put it all together: select from tweet, join the subquery on the predicate.
const query = Tweet
  .select(Tweet, User) // Select all columns from tweet and user.
  .joinFrom(Tweet, latestQuery, { on: predicate }) // Join tweet -> subquery.
  .joinFrom(Tweet, User); // Join from tweet -> user.

for (const tweet of query) {
  print(tweet.user.username, '->', tweet.content);
}
