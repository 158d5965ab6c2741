// Joined and loaded: one query in all
const query = Article.select(Article, User).join(User);

for (const article of query) {
  print(article.author.name); // already there
}
