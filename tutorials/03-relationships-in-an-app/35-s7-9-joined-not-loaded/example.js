// Joined, but the author is NOT loaded
const query = Article.select().join(User).where(User.created_at.gt(yesterday));

for (const article of query) {
  print(article.author.name); // an extra query, every iteration
}
