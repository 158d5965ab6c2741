const someUser = huey;
const qr = Message.select().where(Message.user.in(someUser.following()));
print([...qr].map((m) => m.content));
