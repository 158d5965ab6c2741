class User extends BaseModel {
  static name = new CharField();
  static email = new CharField({ unique: true });
}

class Profile extends BaseModel {
  static user = new ForeignKeyField(User, { backref: 'profile', unique: true, onDelete: 'CASCADE' });
  static bio = new TextField({ default: '' });
  static avatar_url = new CharField({ null: true });
  static twitter = new CharField({ null: true });
}

db.createTables([User, Profile]);
