class Tag extends BaseModel {
  static name = new CharField({ unique: true });
}

class Article extends BaseModel {
  static title = new CharField();
  static body = new TextField();

  get tags() {
    return Tag.select().join(ArticleTag).where(ArticleTag.article.eq(this));
  }

  addTag(tag) {
    ArticleTag.getOrCreate({ article: this, tag });
  }

  removeTag(tag) {
    ArticleTag.delete().where(ArticleTag.article.eq(this), ArticleTag.tag.eq(tag)).execute();
  }
}

class ArticleTag extends BaseModel {
  static article = new ForeignKeyField(Article, { backref: 'article_tags', onDelete: 'CASCADE' });
  static tag = new ForeignKeyField(Tag, { backref: 'tag_articles', onDelete: 'CASCADE' });
  static added_at = new DateTimeField({ default: now });
  static indexes = [{ fields: ['article', 'tag'], unique: true }]; // Each pair is unique
}

db.createTables([Tag, Article, ArticleTag]);
const article = Article.create({ title: 'A', body: '...' });
const python = Tag.create({ name: 'python' });
const web = Tag.create({ name: 'web' });
article.addTag(python);
article.addTag(python);
article.addTag(web);
print([...article.tags].map((t) => t.name).sort());
article.removeTag(python);
print([...article.tags].map((t) => t.name).sort());
