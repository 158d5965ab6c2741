class User extends BaseModel {
  static name = new CharField();
  static email = new CharField({ unique: true });
}

class Article extends BaseModel {
  // When the user is deleted, delete their articles
  static author = new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' });
}

class Comment extends BaseModel {
  // Keep the comment, but null out the author
  static author = new ForeignKeyField(User, { backref: 'comments', onDelete: 'SET NULL', null: true });
  static article = new ForeignKeyField(Article, { backref: 'comments', onDelete: 'CASCADE' });
}

class Invoice extends BaseModel {
  // Refuse to delete a user who has invoices.
  static customer = new ForeignKeyField(User, { backref: 'invoices', onDelete: 'RESTRICT' });
}

class Note extends BaseModel {
  // onDelete not set: the database default, NO ACTION.
  static user = new ForeignKeyField(User, { backref: 'notes' });
}

class Memo extends BaseModel {
  // Explicit NO ACTION.
  static user = new ForeignKeyField(User, { backref: 'memos', onDelete: 'NO ACTION' });
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
