const alice = User.get(User.username.eq('alice'));
const recent = alice.tweets
  .orderBy(Tweet.timestamp.desc())
  .limit(2);
for (const tweet of recent) {
  print(tweet.content);
}
