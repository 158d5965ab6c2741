class User extends BaseModel {
  static fields = {
    email: new CharField({ unique: true }),
  };
}

class Login extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User, { field: User.email, backref: 'logins' }),
  };
}

db.createTables([User, Login]);
const u = User.create({ email: 'alice@example.com' });
Login.create({ user: u });
const login = Login.get();
print(login.user_id, login.user.email);
print([...u.logins].map((l) => l.id));
