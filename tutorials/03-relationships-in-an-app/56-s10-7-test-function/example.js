function testUserArticlesReturnsOnlyTheirArticles() {
  const alice = User.create({ name: 'Alice', email: 'alice@example.com' });
  const bob = User.create({ name: 'Bob', email: 'bob@example.com' });
  Article.create({ title: 'A1', body: '...', author: alice });
  Article.create({ title: 'A2', body: '...', author: alice });
  Article.create({ title: 'B1', body: '...', author: bob });

  if (alice.articles.count() !== 2) throw new Error('alice should have 2 articles');
  if (bob.articles.count() !== 1) throw new Error('bob should have 1 article');
}

db.atomic((txn) => {
  User.delete().execute();
  testUserArticlesReturnsOnlyTheirArticles();
  print('passed');
  txn.rollback();
});
print(User.select().count());
