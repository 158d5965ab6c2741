const query = Tweet
  .select()
  .join(User, { on: Tweet.user.eq(User.id) })
  .where(User.username.eq('huey'));
for (const tweet of query) {
  print(tweet.content);
}
