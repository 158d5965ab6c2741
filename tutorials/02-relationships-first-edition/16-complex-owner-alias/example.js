const Owner = User.alias();
const query = Favorite
  .select(Favorite, Tweet.content, User.username, Owner.username)
  .join(Owner) // Join favorite -> user (owner of favorite).
  .switch(Favorite)
  .join(Tweet) // Join favorite -> tweet
  .join(User); // Join tweet -> user

for (const fav of query) {
  print(fav.user.username, 'liked', fav.tweet.content, 'by', fav.tweet.user.username);
}
