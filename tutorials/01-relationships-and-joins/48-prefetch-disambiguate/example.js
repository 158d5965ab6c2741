const users = User.select().orderBy(User.username);
const tweets = Tweet.select();
const favorites = Favorite.select();

// Fetch the favorites through User, not through Tweet.
const query = prefetch(users, tweets, [favorites, User]);
for (const user of query) {
  print(user.username, [...user.tweets].map((t) => t.content), [...user.favorites].map((f) => f.tweet_id));
}
