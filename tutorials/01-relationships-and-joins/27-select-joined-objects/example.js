const query = Tweet
  .select(Tweet.content, User.username)
  .join(User)
  .objects();

for (const tweet of query) {
  // username is now an attribute of the tweet itself.
  print(tweet.username, '->', tweet.content);
}
