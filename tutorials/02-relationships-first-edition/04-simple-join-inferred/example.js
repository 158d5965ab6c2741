const query = Tweet.select().join(User).where(User.username.eq('huey'));
for (const tweet of query) {
  print(tweet.content);
}
