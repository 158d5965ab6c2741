class User extends BaseModel {
  static name = new CharField();
  static email = new CharField({ unique: true });
}

class Article extends BaseModel {
  static title = new CharField();
  static body = new TextField();
  static author = new ForeignKeyField(User, { backref: 'articles', onDelete: 'CASCADE' });
}

db.createTables([User, Article]);
