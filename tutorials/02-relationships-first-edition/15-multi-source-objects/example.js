const query = Tweet.select(Tweet.content, User.username).join(User, { attr: 'author' });
for (const tweet of query.objects()) {
  print(tweet.username, '->', tweet.content);
}
