// Context: User -> join -> Tweet -> join -> Favorite
const query = User
  .select(User.username, fn.COUNT(Favorite.id).alias('fav_count'))
  .join(Tweet, JOIN.LEFT_OUTER)
  .join(Favorite, JOIN.LEFT_OUTER)
  .groupBy(User.username);

for (const user of query) {
  print(`${user.username}: ${user.fav_count} favorites received`);
}
