class User extends BaseModel {
  static fields = {
    name: new CharField(),
  };
}

class Article extends BaseModel {
  static fields = {
    author: new ForeignKeyField(User, { backref: 'articles', columnName: 'user_id' }),
  };
}

db.createTables([User, Article]);
const alice = User.create({ name: 'Alice' });
let article = Article.create({ author: alice });
article = Article.getById(article.id);
print('author_id' in article, 'user_id' in article);
print(article.user_id, article.author.name);
const query = Article.select().join(User).where(User.name.eq('Alice'));
print(query.sql());
