const recent = Comment.select().where(Comment.created_at.gt(yesterday));
for (const article of prefetch(Article.select(), recent)) {
  print(article.title, article.comments.map((c) => c.body)); // only the recent ones, as an array
}
