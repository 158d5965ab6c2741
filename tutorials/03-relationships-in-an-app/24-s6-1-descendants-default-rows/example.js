function descendants(root) {
  const seed = Comment.select(Comment.id, Comment.parent, Comment.body)
    .where(Comment.parent.eq(root.id))
    .cte('descendants', { recursive: true, columns: ['id', 'parent_id', 'body'] });
  const Child = Comment.alias();
  const step = Child.select(Child.id, Child.parent, Child.body)
    .join(seed, { on: Child.parent.eq(seed.c.id) });
  const cte = seed.unionAll(step);
  return cte.selectFrom(cte.c.id, cte.c.parent_id, cte.c.body);
}

for (const row of descendants(c1)) {
  print(row.constructor.name, row.id, row.parent_id, row.body);
}
