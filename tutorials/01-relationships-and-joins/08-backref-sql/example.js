const alice = User.get(User.username.eq('alice'));
print(alice.tweets.sql());
