try {
  const query = Article.select().join(User);
  query.sql(); // a query is checked when it is compiled: by sql(), or when it runs
} catch (exc) {
  print(exc.name, exc.message);
}
