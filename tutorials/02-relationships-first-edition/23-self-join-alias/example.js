const Parent = Category.alias();
const query = Category
  .select()
  .join(Parent, { on: Category.parent.eq(Parent.id) })
  .where(Parent.name.eq('Electronics'));
for (const category of query) {
  print(category.name);
}
