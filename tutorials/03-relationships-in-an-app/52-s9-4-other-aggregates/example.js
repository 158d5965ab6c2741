const query = Article.select(
  Article.title,
  fn.COUNT(Comment.id).alias('n'),
  fn.MIN(Comment.created_at).alias('first'),
  fn.MAX(Comment.created_at).alias('last'),
  fn.SUM(Comment.id).alias('id_sum'),
  fn.AVG(Comment.id).alias('id_avg'),
)
  .join(Comment, JOIN.LEFT_OUTER)
  .groupBy(Article.id)
  .orderBy(Article.id);
for (const a of query) {
  print(a.title, a.n, a.first, a.last, a.id_sum, a.id_avg);
}
