try {
  const query = Article.select().join(User);
} catch (exc) {
  print(exc.name, exc.message);
}
