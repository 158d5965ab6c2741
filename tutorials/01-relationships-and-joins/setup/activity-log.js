class ActivityLog extends BaseModel {
  static fields = {
    object_id: new IntegerField(),
    activity_type: new TextField(),
    description: new TextField(),
  };
}

db.createTables([ActivityLog]);
// object_id holds a User id, with no foreign key.
const usersByName = Object.fromEntries([...User.select()].map((u) => [u.username, u]));
for (const [name, kind, text] of [
  ['alice', 'login', 'logged in from the web'],
  ['bob', 'login', 'logged in from the app'],
  ['alice', 'tweet', 'posted alice-1'],
  ['alice', 'login', 'logged in from the app'],
  ['carol', 'favorite', 'favorited alice-1'],
]) {
  ActivityLog.create({ object_id: usersByName[name].id, activity_type: kind, description: text });
}
