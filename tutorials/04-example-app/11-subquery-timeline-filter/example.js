const someUser = huey;
const qr = Message.select().filter({ user__in: someUser.following() });
print([...qr].map((m) => m.content));
