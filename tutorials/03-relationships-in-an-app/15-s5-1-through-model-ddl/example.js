// models/article.js
class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
  };
}

// models/tag.js
class Tag extends BaseModel {
  static fields = {
    name: new CharField({ unique: true }),
  };
}

// models/article-tag.js
class ArticleTag extends BaseModel {
  static fields = {
    article: new ForeignKeyField(Article, { backref: 'article_tags', onDelete: 'CASCADE' }),
    tag: new ForeignKeyField(Tag, { backref: 'tag_articles', onDelete: 'CASCADE' }),
    added_at: new DateTimeField({ default: now }),
  };
  static meta = {
    indexes: [
      [['article', 'tag'], true], // Each pair is unique
    ],
  };
}

db.createTables([Article, Tag, ArticleTag]);
const a = Article.create({ title: 'A', body: '...' });
const t = Tag.create({ name: 'python' });
ArticleTag.create({ article: a, tag: t });
try {
  db.atomic(() => {
    ArticleTag.create({ article: a, tag: t });
  });
} catch (exc) {
  if (!(exc instanceof IntegrityError)) throw exc;
  print('IntegrityError:', exc.message);
}
