createTables();
// Four users; huey follows mickey and zaizee; mickey, zaizee and charlie follow huey;
// 25 messages, posted in turn by each user.
const names = ['huey', 'mickey', 'zaizee', 'charlie'];
const users = {};
for (const name of names) {
  users[name] = User.create({
    username: name,
    password: md5(name),
    email: `${name[0].toUpperCase()}${name.slice(1)}@example.com`,
    join_date: now(),
  });
}
const { huey, mickey, zaizee, charlie } = users;
for (const [a, b] of [[huey, mickey], [huey, zaizee], [mickey, huey], [zaizee, huey], [charlie, huey]]) {
  Relationship.create({ from_user: a, to_user: b });
}
for (let i = 0; i < 25; i++) {
  Message.create({ user: users[names[i % 4]], content: `message ${i}`, pub_date: now() });
}
