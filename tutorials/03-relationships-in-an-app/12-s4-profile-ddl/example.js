class User extends BaseModel {
  static fields = {
    name: new CharField(),
    email: new CharField({ unique: true }),
  };
}

class Profile extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { backref: 'profile', unique: true, onDelete: 'CASCADE' }),
    bio: new TextField({ default: '' }),
    avatar_url: new CharField({ null: true }),
    twitter: new CharField({ null: true }),
  };
}

db.createTables([User, Profile]);
