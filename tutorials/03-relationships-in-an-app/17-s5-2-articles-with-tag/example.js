const tag = python;
// All articles with a given tag
const articles = Article.select().join(ArticleTag).where(ArticleTag.tag.eq(tag));
print([...articles].map((a) => a.title));
