// Don't do this
class Article extends BaseModel {
  static title = new CharField();
  static body = new TextField();
  static author_name = new CharField();
  static author_email = new CharField();
  static author_bio = new TextField();
}

db.createTables([Article]);
