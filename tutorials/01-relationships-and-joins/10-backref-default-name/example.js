const alice = User.get(User.username.eq('alice'));
print('tweet_set' in alice);
for (const tweet of alice.tweet_set) {
  print(tweet.content);
}
print(alice.tweet_set.sql());
