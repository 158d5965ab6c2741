const articles = Article.select();
const comments = Comment.select();
const users = User.select();

// Three queries: articles, comments, comment authors
const results = prefetch(articles, comments, users);
for (const article of results) {
  print(article.title, article.comments.map((c) => [c.body, c.author.name]));
}
