// models/article.js
class Article extends BaseModel {
  static title = new CharField();
  static body = new TextField();
}

// models/tag.js
class Tag extends BaseModel {
  static name = new CharField({ unique: true });
}

// models/article-tag.js
class ArticleTag extends BaseModel {
  static article = new ForeignKeyField(Article, { backref: 'article_tags', onDelete: 'CASCADE' });
  static tag = new ForeignKeyField(Tag, { backref: 'tag_articles', onDelete: 'CASCADE' });
  static added_at = new DateTimeField({ default: now });
  static indexes = [{ fields: ['article', 'tag'], unique: true }]; // Each pair is unique
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
