const userLog = User
  .select(User, ActivityLog)
  .join(ActivityLog, { on: User.id.eq(ActivityLog.object_id), attr: 'log' })
  .where(ActivityLog.activity_type.eq('user_activity').and(User.username.eq('charlie')));

for (const user of userLog) {
  print(user.username, user.log.description);
}
