// When the User was loaded by a join, the full User instance is there, even with
// lazyLoad: false.
const query = Tweet
  .select(Tweet, User) // Get both the Tweet AND the User.
  .join(User); // The join is required to traverse the foreign key.

for (const tweet of query) {
  print(tweet.user.username); // No extra query needed.
}
