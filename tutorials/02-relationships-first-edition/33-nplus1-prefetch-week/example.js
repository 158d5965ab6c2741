// A week before today (2024-01-01 on the lesson clock), as a date.
const weekAgo = '2023-12-25';
const users = User.select();
const tweets = Tweet
  .select()
  .where(Tweet.timestamp.ge(weekAgo));

// This will perform two queries.
const usersWithTweets = prefetch(users, tweets);

for (const user of usersWithTweets) {
  print(user.username);
  for (const tweet of user.tweets) {
    print('  ', tweet.content);
  }
}
