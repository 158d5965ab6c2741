for (const tweet of Tweet.select()) {
  // The integer id: the User is not fetched, since that would take another query.
  print(tweet.user);
}
