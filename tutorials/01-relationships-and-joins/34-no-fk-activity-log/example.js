const query = User
  .select(User, ActivityLog)
  .join(ActivityLog, { on: User.id.eq(ActivityLog.object_id), attr: 'log' })
  .where(ActivityLog.activity_type.eq('login').and(User.username.eq('alice')));

for (const user of query) {
  print(user.username, '->', user.log.description);
}
