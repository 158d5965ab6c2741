const someUser = huey;
try {
  const qr = Message.select().where({ user__in: someUser.following() });
  print([...qr].map((m) => m.content));
} catch (exc) {
  print(exc.name, exc.message);
}
