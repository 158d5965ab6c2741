const TweetUser = User.alias(); // We reference the User table twice, so we need an alias.

const query = Favorite
  .select(Favorite, User, Tweet, TweetUser)
  .joinFrom(Favorite, User) // Get the user who owns this Favorite.
  .joinFrom(Favorite, Tweet) // What tweet was favorited.
  .joinFrom(Tweet, TweetUser); // What user created the tweet.

// A single query is issued.
for (const fav of query) {
  print(fav.user.username, 'likes', fav.tweet.content, 'by', fav.tweet.user.username);
}
