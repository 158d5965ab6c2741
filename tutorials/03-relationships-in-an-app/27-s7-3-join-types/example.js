for (const jt of ['INNER', 'LEFT_OUTER', 'RIGHT_OUTER', 'FULL', 'FULL_OUTER', 'CROSS']) {
  let q;
  if (jt === 'CROSS') {
    q = User.select(User.name, Article.title).join(Article, JOIN[jt]);
  } else {
    q = User.select(User.name, Article.title).join(Article, JOIN[jt], { on: Article.author.eq(User.id) });
  }
  print(jt, JOIN[jt], [...q.tuples()].length);
}
