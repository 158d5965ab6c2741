const articles = Article.select(Article, User).join(User);

for (const article of articles) {
  print(article.title, 'by', article.author.name); // no extra query
}
