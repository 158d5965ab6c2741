const alice = User.get(User.username.eq('alice'));

const following = User
  .select()
  .join(Relationship, { on: Relationship.to_user })
  .where(Relationship.from_user.eq(alice));
for (const user of following) {
  print(user.username);
}
