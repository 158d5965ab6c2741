class User extends BaseModel {
  static name = new CharField();
}

class Article extends BaseModel {
  static author = new ForeignKeyField(User, { backref: 'articles' }); // ok
}

class Comment extends BaseModel {
  static user = new ForeignKeyField(User, { backref: 'articles' }); // collision
}

db.createTables([User, Article, Comment]);
const u = User.create({ name: 'Alice' });
Article.create({ author: u });
print(User.articles.field.model.name, User.articles.field.name);
print(u.articles.model.name, u.articles.count());
