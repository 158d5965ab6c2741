const huey = User.get(User.username.eq('huey'));
for (const tweet of huey.tweets) {
  print(tweet.content);
}
