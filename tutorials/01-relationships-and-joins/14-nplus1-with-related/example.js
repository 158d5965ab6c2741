// Better:
for (const user of User.select().withRelated(new Load(User.tweets))) {
  print(user.username);
  for (const tweet of user.tweets) { // Eager-loaded, no additional query.
    print('  ', tweet.content);
  }
}
