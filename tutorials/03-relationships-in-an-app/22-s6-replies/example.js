const topLevel = Comment.select().where(Comment.parent.isNull());

for (const reply of [...topLevel][0].replies) {
  print(reply.body);
}
