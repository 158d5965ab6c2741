class User extends BaseModel {
  static name = new CharField();
}

class Article extends BaseModel {
  static title = new CharField();
  static author = new ForeignKeyField(User, { backref: 'articles' });
  static published = new BooleanField({ default: false });
  static indexes = [{ fields: ['author', 'published'] }];
}

db.createTables([User, Article]);
const user = User.create({ name: 'Alice' });
Article.create({ title: 'A', author: user, published: true });
Article.create({ title: 'B', author: user });
const query = Article.select().where(Article.author.eq(user), Article.published.eq(true));
print([...query].map((a) => a.title));
