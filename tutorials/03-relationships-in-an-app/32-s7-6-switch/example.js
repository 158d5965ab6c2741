const query = Article.select(Article, User, Tag)
  .join(User) // Article -> User
  .switch(Article) // back to Article
  .join(ArticleTag) // Article -> ArticleTag
  .join(Tag) // ArticleTag -> Tag
  .where(Tag.name.eq('python'));
for (const article of query) {
  print(article.title, article.author.name, article.articletag.tag.name);
}
