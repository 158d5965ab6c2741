class User extends BaseModel {
  static fields = {
    name: new CharField(),
    email: new CharField({ unique: true }),
    bio: new TextField({ default: '' }),
    is_staff: new BooleanField({ default: false }),
    created_at: new DateTimeField({ default: now }),
  };

  get profileOrNone() {
    return this.profile.first();
  }
}

class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
    author: new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' }),
    published: new BooleanField({ default: true }),
    created_at: new DateTimeField({ default: now }),
  };
}

class Comment extends BaseModel {
  static fields = {
    article: new ForeignKeyField(Article, { backref: 'comments', onDelete: 'CASCADE' }),
    author: new ForeignKeyField(User, { backref: 'comments', onDelete: 'CASCADE' }),
    body: new TextField(),
    parent: new ForeignKeyField('self', { backref: 'replies', null: true, onDelete: 'CASCADE' }),
    created_at: new DateTimeField({ default: now }),
  };
}

class Tag extends BaseModel {
  static fields = {
    name: new CharField({ unique: true }),
  };
}

class ArticleTag extends BaseModel {
  static fields = {
    article: new ForeignKeyField(Article, { backref: 'article_tags', onDelete: 'CASCADE' }),
    tag: new ForeignKeyField(Tag, { backref: 'tag_articles', onDelete: 'CASCADE' }),
    added_at: new DateTimeField({ default: now }),
  };
  static meta = {
    indexes: [
      [['article', 'tag'], true], // Each pair is unique
    ],
  };
}

class Profile extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { backref: 'profile', unique: true, onDelete: 'CASCADE' }),
    bio: new TextField({ default: '' }),
    avatar_url: new CharField({ null: true }),
    twitter: new CharField({ null: true }),
  };
}

db.createTables([User, Article, Comment, Tag, ArticleTag, Profile]);

const day = (year, month, date) => new Date(year, month - 1, date);
const yesterday = day(2023, 12, 31);

const alice = User.create({ name: 'Alice', email: 'alice@example.com', is_staff: true, created_at: day(2023, 6, 1) });
const bob = User.create({ name: 'Bob', email: 'bob@example.com', created_at: day(2023, 12, 1) });
const carol = User.create({ name: 'Carol', email: 'carol@corp.test', is_staff: true });
const dave = User.create({ name: 'Dave', email: 'dave@example.com' });

const a1 = Article.create({ title: 'Learning Python', body: '...', author: alice });
const a2 = Article.create({ title: 'Python Tips', body: '...', author: alice });
const a3 = Article.create({ title: 'Rust for Pythonistas', body: '...', author: bob });
const a4 = Article.create({ title: 'Staff Notes', body: '...', author: carol, published: false });
const a42 = Article.create({ id: 42, title: 'The Answer', body: '...', author: bob });

const c1 = Comment.create({ article: a1, author: bob, body: 'Great intro', created_at: day(2023, 12, 20) });
const c2 = Comment.create({ article: a1, author: alice, body: 'Thanks!', parent: c1, created_at: day(2023, 12, 30) });
const c3 = Comment.create({ article: a1, author: carol, body: 'Agreed', parent: c2 });
const c4 = Comment.create({ article: a1, author: dave, body: 'Typo in section 2' });
const c5 = Comment.create({ article: a3, author: alice, body: 'Nice', created_at: day(2023, 11, 11) });
const c6 = Comment.create({ article: a42, author: carol, body: '42!' });
const c7 = Comment.create({ article: a1, author: bob, body: 'See part two', parent: c3 });

const python = Tag.create({ name: 'python' });
const rust = Tag.create({ name: 'rust' });
const meta = Tag.create({ name: 'meta' });
for (const [article, tag] of [[a1, python], [a2, python], [a3, rust], [a3, python], [a4, meta]]) {
  ArticleTag.create({ article, tag });
}

Profile.create({ user: alice, bio: 'Pythonista', twitter: '@alice' });
