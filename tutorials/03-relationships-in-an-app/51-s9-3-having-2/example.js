const prolific = User.select(User, fn.COUNT(Article.id).alias('article_count'))
  .join(Article)
  .groupBy(User.id)
  .having(fn.COUNT(Article.id).ge(2))
  .orderBy(User.name);
print([...prolific].map((u) => [u.name, u.article_count]));
