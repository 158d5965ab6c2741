function withArticleCount(query) {
  return query.select(User, fn.COUNT(Article.id).alias('article_count'))
    .join(Article, JOIN.LEFT_OUTER)
    .groupBy(User.id);
}

const users = withArticleCount(User.select()).orderBy(SQL('article_count').desc());
for (const user of users) {
  print(user.name, user.article_count);
}
