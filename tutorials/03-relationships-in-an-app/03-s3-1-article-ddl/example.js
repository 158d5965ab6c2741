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
    author: new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' }),
  };
}

db.createTables([User, Article]);
