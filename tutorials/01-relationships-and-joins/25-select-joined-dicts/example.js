const query = Tweet
  .select(Tweet.content, User.username)
  .join(User)
  .dicts();

for (const row of query) {
  print(row);
}
