const db = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database: db };
}

class Category extends BaseModel {
  static fields = {
    name: new TextField(),
    parent: new ForeignKeyField('self', { null: true, backref: 'children' }),
  };
}

db.createTables([Category]);
// A small two-level tree.
const electronics = Category.create({ name: 'Electronics' });
const books = Category.create({ name: 'Books' });
Category.create({ name: 'Laptops', parent: electronics });
Category.create({ name: 'Phones', parent: electronics });
Category.create({ name: 'Fiction', parent: books });
