// Don't do this
class Article extends BaseModel {
  static fields = {
    title: new CharField(),
    body: new TextField(),
    author_name: new CharField(),
    author_email: new CharField(),
    author_bio: new TextField(),
  };
}

db.createTables([Article]);
