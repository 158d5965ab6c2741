for (const user of User.select().orderBy(User.id)) {
  const tweets = [...user.tweets.orderBy(Tweet.id)];
  if (tweets.length === 0) {
    print(user.username, '|', '(no tweets)', '|');
  }
  for (const tweet of tweets) {
    const fans = [...tweet.favorites.orderBy(Favorite.id)].map((f) => f.user.username);
    print(user.username, '|', tweet.content, '|', fans.join(', '));
  }
}
