class User extends BaseModel {
  static name = new CharField();
  static email = new CharField({ unique: true });
  static bio = new TextField({ default: '' });
}

class Article extends BaseModel {
  static title = new CharField();
  static body = new TextField();
  static author = new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' });
}

db.createTables([User, Article]);
const user = User.create({ name: 'Alice', email: 'alice@example.com' });
let article = Article.create({ title: 'Hello', body: '...', author: user });
article = Article.getById(article.id);

print(article.author.name); // the user who wrote it
print([...user.articles].map((a) => a.title)); // all of this user's articles (a query)
