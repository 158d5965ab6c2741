// Bad: 1 query for the users + 1 query per user for their tweets.
for (const user of User.select()) {
  print(user.username);
  for (const tweet of user.tweets) { // A new query for each user.
    print('  ', tweet.content);
  }
}
