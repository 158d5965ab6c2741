const query = Tweet
  .select(Tweet, User) // Note that we are selecting both models.
  .join(User) // Use an INNER join because every tweet has an author.
  .orderBy(Tweet.id.desc()) // Get the most recent tweets.
  .limit(10);

for (const tweet of query) {
  print(tweet.user.username, '-', tweet.message);
}
