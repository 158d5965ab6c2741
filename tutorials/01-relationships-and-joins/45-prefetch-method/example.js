const users = User.select().prefetch(Tweet);
for (const user of users) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
