// Join on the editor relation, not author
const query = Article.select()
  .join(User, { on: Article.editor.eq(User.id) })
  .where(User.email.eq('alice@example.com'));
print([...query].map((a) => a.title));
