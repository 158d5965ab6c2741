const Parent = Category.alias();
let joinQuery = Parent.select().where(Parent.name.eq('Electronics'));

// A subquery used in a JOIN needs an alias.
joinQuery = joinQuery.alias('jq');

const query = Category
  .select()
  .join(joinQuery, { on: Category.parent.eq(joinQuery.c.id) });
for (const category of query) {
  print(category.name);
}
