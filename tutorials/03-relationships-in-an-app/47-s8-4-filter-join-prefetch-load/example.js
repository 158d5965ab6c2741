// Articles by staff users, with their comments preloaded
const staffArticles = Article.select()
  .join(User)
  .where(User.is_staff.eq(true));

const results = prefetch(staffArticles, Comment.select());
for (const article of results) {
  print(article.title, article.comments.length);
}
