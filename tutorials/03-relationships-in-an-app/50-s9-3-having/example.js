// Only users who have written at least 5 articles
const prolific = User.select(User, fn.COUNT(Article.id).alias('article_count'))
  .join(Article)
  .groupBy(User.id)
  .having(fn.COUNT(Article.id).ge(5));
print([...prolific].map((u) => [u.name, u.article_count]));
