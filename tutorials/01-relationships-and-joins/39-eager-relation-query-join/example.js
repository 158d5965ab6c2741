// Each tweet's favorites, with the favoriting user already loaded:
const favorites = Favorite.select(Favorite, User).join(User);
const query = Tweet.select().withRelated(new Load(Tweet.favorites, favorites));

for (const tweet of query) {
  for (const fav of tweet.favorites) {
    print(tweet.content, fav.user.username); // No extra query.
  }
}
