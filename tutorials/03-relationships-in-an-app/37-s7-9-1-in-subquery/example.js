// Articles whose author is on staff
const staffIds = User.select(User.id).where(User.is_staff.eq(true));
const articles = Article.select().where(Article.author.in(staffIds));
print([...articles].map((a) => a.title));
