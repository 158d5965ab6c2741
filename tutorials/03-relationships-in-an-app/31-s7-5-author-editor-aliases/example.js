const EditorAlias = User.alias();

const query = Article.select(Article, User, EditorAlias)
  .join(User, { on: Article.author.eq(User.id), attr: 'author' })
  .switch(Article)
  .join(EditorAlias, { on: Article.editor.eq(EditorAlias.id), attr: 'editor' });

for (const article of query) {
  print(article.author.name); // populated, no extra query
  print(article.editor.name); // populated, no extra query
}
