class User extends BaseModel {
  static fields = {
    name: new CharField(),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    author: new ForeignKeyField(User, { backref: 'articles' }),
    published: new BooleanField({ default: false }),
  };
  static meta = {
    indexes: [[['author', 'published'], false]],
  };
}

db.createTables([User, Article]);
const user = User.create({ name: 'Alice' });
Article.create({ title: 'A', author: user, published: true });
Article.create({ title: 'B', author: user });
const query = Article.select().where(Article.author.eq(user), Article.published.eq(true));
print([...query].map((a) => a.title));
