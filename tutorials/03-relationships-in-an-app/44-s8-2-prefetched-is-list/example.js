const article = prefetch(Article.select().where(Article.id.eq(1)), Comment.select())[0];
print(article.comments.constructor.name, article.comments.length);
try {
  article.comments.where(Comment.body.eq('Agreed'));
} catch (exc) {
  print(`${exc.name}:`, exc.message);
}
