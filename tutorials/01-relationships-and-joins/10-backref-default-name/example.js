print('tweet_set' in User);
const alice = User.get(User.username.eq('alice'));
for (const tweet of alice.tweet_set) {
  print(tweet.content);
}
print(alice.tweet_set.sql());
