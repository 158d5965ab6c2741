// Forward: a single instance
const article = Article.getById(1);
print(article.author instanceof User, article.author.id); // => a User instance
print(article.author.name); // => "Alice"

// Reverse: a query (chainable, filterable)
const user = User.getById(1);
print([...user.articles].map((a) => a.title)); // all of Alice's articles
print([...user.articles.where(Article.title.contains('Python'))].map((a) => a.title));
print([...user.articles.orderBy(Article.created_at.desc()).limit(5)].map((a) => a.title));
print(user.articles.count());
