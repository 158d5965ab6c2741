const alice = User.get(User.username.eq('alice'));

print(alice.tweets instanceof ModelSelect);

for (const tweet of alice.tweets) {
  print(tweet.content);
}
