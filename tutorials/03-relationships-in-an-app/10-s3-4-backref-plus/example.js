class User extends BaseModel {
  static fields = {
    name: new CharField(),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    author: new ForeignKeyField(User, { backref: '+' }),
  };
}

db.createTables([User, Article]);
const alice = User.create({ name: 'Alice' });
Article.create({ title: 'A1', author: alice });
print('article_set' in User, '+' in User);
print([...Article.select(Article, User).join(User)].map((a) => [a.title, a.author.name]));
