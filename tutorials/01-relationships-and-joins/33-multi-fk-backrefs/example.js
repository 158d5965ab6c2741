const alice = User.get(User.username.eq('alice'));
print([...alice.following].map((r) => r.to_user.username));
print([...alice.followers].map((r) => r.from_user.username));
