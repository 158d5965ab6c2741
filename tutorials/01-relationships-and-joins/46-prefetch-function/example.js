// Equivalent to the above.
const users = prefetch(User.select(), Tweet.select());
for (const user of users) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
