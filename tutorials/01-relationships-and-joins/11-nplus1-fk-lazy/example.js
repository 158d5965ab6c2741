// Bad: 1 query for the tweets + N queries to get the related users.
for (const tweet of Tweet.select()) {
  print(tweet.user.username, '->', tweet.content);
}
