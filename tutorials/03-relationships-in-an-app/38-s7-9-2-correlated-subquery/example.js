const recentCount = Comment.select(fn.COUNT(Comment.id))
  .where(Comment.article.eq(Article.id), Comment.created_at.gt(yesterday))
  .alias('recent_count');

const articles = Article.select(Article, recentCount);

for (const article of articles) {
  print(article.title, article.recent_count); // number of recent comments
}
