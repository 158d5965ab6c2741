class User extends BaseModel {
  static fields = {
    name: new CharField(),
    email: new CharField({ unique: true }),
  };
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
    author: new ForeignKeyField(User, { backref: 'authored_articles' }),
    editor: new ForeignKeyField(User, { backref: 'edited_articles', null: true }),
  };
}

db.createTables([User, Article]);
const alice = User.create({ name: 'Alice', email: 'alice@example.com' });
const bob = User.create({ name: 'Bob', email: 'bob@example.com' });
const carol = User.create({ name: 'Carol', email: 'carol@example.com' });
Article.create({ title: 'Learning Python', body: '...', author: alice, editor: bob });
Article.create({ title: 'Python Tips', body: '...', author: alice });
Article.create({ title: 'Rust for Pythonistas', body: '...', author: bob, editor: alice });
Article.create({ title: 'Style Guide', body: '...', author: carol, editor: carol });
