// A week before today (2024-01-01 on the lesson clock), as a date.
const oneWeekAgo = '2023-12-25';

const users = prefetch(
  User.select().orderBy(User.username),
  Tweet.select().where(Tweet.timestamp.ge(oneWeekAgo)),
);
for (const user of users) {
  print(user.username, [...user.tweets].map((t) => t.content));
}
