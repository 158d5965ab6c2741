class Category extends Model {
  static fields = {
    name: new CharField(),
    parent: new ForeignKeyField('self', { backref: 'children' }),
  };
}

const Parent = Category.alias();
const query = Category
  .select()
  .join(Parent, { on: Category.parent.eq(Parent.id) })
  .where(Parent.name.eq('Electronics'));
print(query.sql());
