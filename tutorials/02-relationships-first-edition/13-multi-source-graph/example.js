for (const tweet of Tweet.select(Tweet.content, User.username).join(User)) {
  print(tweet.user.username, '->', tweet.content);
}
