function descendants(root) {
  // All comments below `root`, any depth, in one query.
  const seed = Comment.select(Comment.id, Comment.parent, Comment.body)
    .where(Comment.parent.eq(root.id))
    .cte('descendants', { recursive: true, columns: ['id', 'parent_id', 'body'] });

  const Child = Comment.alias();
  const step = Child.select(Child.id, Child.parent, Child.body)
    .join(seed, { on: Child.parent.eq(seed.c.id) });

  const cte = seed.unionAll(step);
  return cte.selectFrom(cte.c.id, cte.c.parent_id, cte.c.body);
}

const query = descendants(c1);
for (const row of query.tuples()) {
  print(row);
}
print(query instanceof ModelSelect);
