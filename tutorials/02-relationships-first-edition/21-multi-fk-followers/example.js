const query = User
  .select()
  .join(Relationship, { on: Relationship.from_user })
  .where(Relationship.to_user.eq(charlie));
for (const user of query) {
  print(user.username);
}
