for (const row of Tweet.select(Tweet.content, User.username).join(User).dicts()) {
  print(row);
}
