const query = Tweet
  .select()
  .join(User)
  .where(User.username.eq('alice'));

for (const tweet of query) {
  print(tweet.content);
}
