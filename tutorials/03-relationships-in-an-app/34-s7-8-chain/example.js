// Articles -> Comments -> Users (the comment authors)
const query = Article.select(Article, Comment, User)
  .join(Comment)
  .join(User, { on: Comment.author.eq(User.id) })
  .where(Article.id.eq(42));
for (const article of query) {
  print(article.title, article.comment.body, article.comment.author.name);
}
