class User extends BaseModel {
  static fields = {
    name: new CharField(),
    email: new CharField({ unique: true }),
  };
}

class Article extends BaseModel {
  static fields = {
    // When the user is deleted, delete their articles
    author: new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' }),
  };
}

class Comment extends BaseModel {
  static fields = {
    // Keep the comment, but null out the author
    author: new ForeignKeyField(User, { backref: 'comments', onDelete: 'SET NULL', null: true }),
    article: new ForeignKeyField(Article, { backref: 'comments', onDelete: 'CASCADE' }),
  };
}

class Invoice extends BaseModel {
  static fields = {
    // Refuse to delete a user who has invoices.
    customer: new ForeignKeyField(User, { backref: 'invoices', onDelete: 'RESTRICT' }),
  };
}

class Note extends BaseModel {
  static fields = {
    // onDelete not set: the database default, NO ACTION.
    user: new ForeignKeyField(User, { backref: 'notes' }),
  };
}

class Memo extends BaseModel {
  static fields = {
    // Explicit NO ACTION.
    user: new ForeignKeyField(User, { backref: 'memos', onDelete: 'NO ACTION' }),
  };
}

db.createTables([User, Article, Comment, Invoice, Note, Memo]);
const alice = User.create({ name: 'Alice', email: 'alice@example.com' });
const bob = User.create({ name: 'Bob', email: 'bob@example.com' });
const carol = User.create({ name: 'Carol', email: 'carol@example.com' });
const dave = User.create({ name: 'Dave', email: 'dave@example.com' });
const a1 = Article.create({ author: alice });
const b1 = Article.create({ author: bob });
Comment.create({ author: bob, article: a1 });
Comment.create({ author: alice, article: b1 });
Comment.create({ author: bob, article: b1 });
Invoice.create({ customer: carol });
Note.create({ user: dave });
Memo.create({ user: dave });

function show() {
  print('articles:', [...Article.select().orderBy(Article.id)].map((a) => [a.id, a.author_id]));
  print('comments:', [...Comment.select().orderBy(Comment.id)].map((c) => [c.id, c.author_id, c.article_id]));
}
