const query = Tweet
  .select(Tweet.content, User.username)
  .join(User);

for (const tweet of query) {
  // tweet.user is a User instance populated from the joined data: no additional query.
  print(tweet.user.username, '->', tweet.content);
}
