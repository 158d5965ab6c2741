// Define the CTE first, over an alias of Tweet.
const Latest = Tweet.alias();
const cte = Latest
  .select(Latest.user, fn.MAX(Latest.timestamp).alias('max_ts'))
  .groupBy(Latest.user)
  .cte('latest');

// The join predicate matches tweets on their timestamp *and* user_id.
const predicate = Tweet.user.eq(cte.c.user_id)
  .and(Tweet.timestamp.eq(cte.c.max_ts));

const query = Tweet
  .select(Tweet, User) // Select all columns from tweet and user.
  .join(cte, { on: predicate }) // Join tweet -> CTE.
  .joinFrom(Tweet, User) // Join from tweet -> user.
  .withCte(cte);

for (const tweet of query) {
  print(tweet.user.username, '->', tweet.content);
}
