const alice = User.get(User.username.eq('alice'));

print(alice.tweets.constructor.name);

for (const tweet of alice.tweets) {
  print(tweet.content);
}
