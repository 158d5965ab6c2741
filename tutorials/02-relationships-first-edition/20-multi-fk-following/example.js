const query = User
  .select()
  .join(Relationship, { on: Relationship.to_user })
  .where(Relationship.from_user.eq(charlie));
for (const user of query) {
  print(user.username);
}
