// All articles tagged "python"
const articles = Article.select()
  .join(ArticleTag)
  .join(Tag)
  .where(Tag.name.eq('python'));
print([...articles].map((a) => a.title));
