// Good: only one query is needed.
const query = Tweet
  .select(Tweet, User)
  .join(User);

for (const tweet of query) {
  // tweet.user is a User instance populated from the joined data: no additional query.
  print(tweet.user.username, '->', tweet.content);
}
