const article = a3;
// All tags for an article
const tags = Tag.select().join(ArticleTag).where(ArticleTag.article.eq(article));
print([...tags].map((t) => t.name));
