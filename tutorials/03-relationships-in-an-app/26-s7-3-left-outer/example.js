// All users, even those who haven't written any articles
const query = User.select()
  .join(Article, JOIN.LEFT_OUTER);
print([...query].map((u) => u.name));
