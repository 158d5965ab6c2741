const users = User.select().orderBy(User.username);
const tweets = Tweet.select();
const favorites = Favorite.select();

// Without the pair, the favorites attach to the nearest related query (Tweet).
const query = prefetch(users, tweets, favorites);
for (const user of query) {
  print(user.username, [...user.tweets].map((t) => [t.content, [...t.favorites].map((f) => f.user_id)]));
}
