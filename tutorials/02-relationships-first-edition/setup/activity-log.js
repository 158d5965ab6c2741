class ActivityLog extends BaseModel {
  static fields = {
    object_id: new IntegerField(),
    activity_type: new TextField(),
    description: new TextField(),
  };
}

db.createTables([ActivityLog]);
// Rows that reproduce the seed's output, plus rows the query must skip.
const charlie = User.create({ username: 'charlie' });
const huey = User.get(User.username.eq('huey'));
for (const [user, kind, text] of [
  [charlie, 'user_activity', 'logged in'],
  [huey, 'user_activity', 'logged in'],
  [charlie, 'user_activity', 'posted a tweet'],
  [charlie, 'system', 'password reset'],
  [charlie, 'user_activity', 'retweeted'],
  [charlie, 'user_activity', 'posted a tweet'],
  [huey, 'user_activity', 'logged out'],
  [charlie, 'user_activity', 'logged out'],
]) {
  ActivityLog.create({ object_id: user.id, activity_type: kind, description: text });
}
