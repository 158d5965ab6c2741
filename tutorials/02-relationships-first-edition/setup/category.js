const db = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database: db };
}

class Category extends BaseModel {
  static fields = {
    name: new CharField(),
    parent: new ForeignKeyField('self', { null: true, backref: 'children' }),
  };
}

db.createTables([Category]);
const electronics = Category.create({ name: 'Electronics' });
const books = Category.create({ name: 'Books' });
const laptops = Category.create({ name: 'Laptops', parent: electronics });
Category.create({ name: 'Phones', parent: electronics });
Category.create({ name: 'Fiction', parent: books });
Category.create({ name: 'Ultrabooks', parent: laptops });
