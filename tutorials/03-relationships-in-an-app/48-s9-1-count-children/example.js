// How many articles each user has written
const query = User.select(User, fn.COUNT(Article.id).alias('article_count'))
  .join(Article, JOIN.LEFT_OUTER)
  .groupBy(User.id);

for (const user of query) {
  print(user.name, user.article_count);
}
