// Looks innocent. Isn't.
for (const article of Article.select()) {
  print(article.title, 'by', article.author.name);
}
