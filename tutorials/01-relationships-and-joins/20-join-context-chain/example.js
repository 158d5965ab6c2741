// Get all the favorites for alice's tweets.
const query = Favorite
  .select()
  .join(Tweet) // Joins Favorite -> Tweet.
  .join(User) // Joins Tweet -> User.
  .where(User.username.eq('alice'));
for (const fav of query) {
  print(fav.id, fav.user_id, fav.tweet_id);
}
