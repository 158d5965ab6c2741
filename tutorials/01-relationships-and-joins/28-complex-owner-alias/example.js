const Owner = User.alias();
const query = Favorite
  .select(Favorite, Tweet.content, User.username, Owner.username)
  .joinFrom(Favorite, Owner) // Determine the owner of the favorite.
  .joinFrom(Favorite, Tweet) // Join favorite -> tweet.
  .joinFrom(Tweet, User); // Join tweet -> user.

for (const fav of query) {
  print(fav.user.username, 'liked', fav.tweet.content, 'by', fav.tweet.user.username);
}
