const articles = Article.select();
const comments = Comment.select();

for (const article of prefetch(articles, comments)) {
  print(article.title, article.comments.length); // no extra queries
}
