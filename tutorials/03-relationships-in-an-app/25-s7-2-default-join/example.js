const articles = Article.select()
  .join(User)
  .where(User.email.endswith('@example.com'));
print([...articles].map((a) => a.title));
