const query = Tweet.select(Tweet.content, User.username).join(User, { attr: 'author' });
for (const tweet of query) {
  print(tweet.author.username, '->', tweet.content);
}
