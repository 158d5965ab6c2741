const alice = User.get(User.username.eq('alice'));
for (const tweet of alice.tweets) {
  print(tweet.content);
}
