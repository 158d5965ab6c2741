const alice = User.get(User.username.eq('alice'));
const followers = User
  .select()
  .join(Relationship, { on: Relationship.from_user })
  .where(Relationship.to_user.eq(alice));
for (const user of followers) {
  print(user.username);
}
