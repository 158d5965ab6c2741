class Tag extends BaseModel {
  static fields = {
    name: new CharField({ unique: true }),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
  };

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
