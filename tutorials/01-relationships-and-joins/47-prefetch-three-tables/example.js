// Three tables, three queries.
const users = prefetch(User.select(), Tweet.select(), Favorite.select());
for (const user of users) {
  for (const tweet of user.tweets) {
    print(user.username, tweet.content, [...tweet.favorites].map((f) => f.user_id));
  }
}
