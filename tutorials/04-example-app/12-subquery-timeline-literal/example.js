const someUser = huey;
try {
  const qr = Message.select().where({ user__in: someUser.following() });
} catch (exc) {
  print(exc.name, exc.message);
}
