for (const tweet of Tweet.select()) {
  print(tweet.user.username, '->', tweet.content);
}
