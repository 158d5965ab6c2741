class User extends BaseModel {
  static fields = {
    name: new CharField(),
  };
}

class Article extends BaseModel {
  static fields = {
    author: new ForeignKeyField(User, { backref: 'articles' }), // ok
  };
}

class Comment extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { backref: 'articles' }), // collision
  };
}

db.createTables([User, Article, Comment]);
const u = User.create({ name: 'Alice' });
Article.create({ author: u });
print(User.articles.field.model.name, User.articles.field.name);
print(u.articles.model.name, u.articles.count());
