class User extends BaseModel {
  static fields = {
    name: new CharField(),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    author: new ForeignKeyField(User, { backref: 'authored_articles' }),
    editor: new ForeignKeyField(User, { backref: 'edited_articles', null: true }),
  };
}

db.createTables([User, Article]);
const alice = User.create({ name: 'Alice' });
const bob = User.create({ name: 'Bob' });
Article.create({ title: 'A1', author: alice, editor: bob });
Article.create({ title: 'A2', author: alice });
Article.create({ title: 'B1', author: bob, editor: alice });

// user.authored_articles: articles where this user is the author
// user.edited_articles: articles where this user is the editor
print([...alice.authored_articles].map((a) => a.title));
print([...alice.edited_articles].map((a) => a.title));
