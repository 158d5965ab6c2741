// Many-to-many: prefetch(A, ThroughModel, B)
for (const article of prefetch(Article.select().orderBy(Article.id), ArticleTag.select(), Tag.select())) {
  print(article.title, article.article_tags.map((at) => at.tag.name).sort());
}
