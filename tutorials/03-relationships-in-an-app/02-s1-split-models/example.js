class User extends BaseModel {
  static fields = {
    name: new CharField(),
    email: new CharField({ unique: true }),
    bio: new TextField({ default: '' }),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
    author: new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' }),
  };
}

db.createTables([User, Article]);
const user = User.create({ name: 'Alice', email: 'alice@example.com' });
let article = Article.create({ title: 'Hello', body: '...', author: user });
article = Article.getById(article.id);

print(article.author.name); // the user who wrote it
print([...user.articles].map((a) => a.title)); // all of this user's articles (a query)
