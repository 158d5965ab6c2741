const hasComments = Comment.select(Comment.id)
  .where(Comment.article.eq(Article.id));
const query = Article.select(Article.title).where(fn.EXISTS(hasComments));
print([...query].map((a) => a.title));
