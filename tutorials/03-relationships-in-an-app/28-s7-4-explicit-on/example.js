const articles = Article.select()
  .join(User, { on: Article.author.eq(User.id) });
print([...articles].map((a) => a.title));
