class Tag extends BaseModel {
  static fields = {
    name: new CharField({ unique: true }),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
    tags: new ManyToManyField(Tag, { backref: 'articles' }),
  };
}

// The implicit through table, once both classes are defined
const ArticleTag = Article.tags.getThroughModel();

db.createTables([Tag, Article, ArticleTag]);
const article = Article.create({ title: 'A', body: '...' });
const other = Article.create({ title: 'B', body: '...' });
const tag = Tag.create({ name: 'python' });
const tag2 = Tag.create({ name: 'web' });

article.tags.add(tag);
article.tags.add(tag2);
other.tags.add(tag);
article.tags.remove(tag);
print([...article.tags].map((t) => t.name)); // all tags
print([...tag.articles].map((a) => a.title)); // all articles with this tag
print(ArticleTag.meta.tableName);
