const Parent = Category.alias();
const query = Category
  .select(Category.name, Parent.name)
  .join(Parent, JOIN.LEFT_OUTER, { on: Category.parent.eq(Parent.id) })
  .orderBy(Category.name);

for (const row of query) {
  print(row.name, 'parent:', row.parent ? row.parent.name : 'None');
}
