// The seed's model code as first written, with the 2011 API: keyword filters in where(),
// a column name as a join's `on` and as the ordering.
// (The seed opens 'tweepee.db'; lessons use a fresh in-memory database.)
const database = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database };
}

class User extends BaseModel {
  static fields = {
    username: new CharField(),
    password: new CharField(),
    email: new CharField(),
    join_date: new DateTimeField(),
  };

  following() {
    return User.select().join(Relationship, { on: 'to_user_id' }).where({ from_user: this }).orderBy('username');
  }

  followers() {
    return User.select().join(Relationship).where({ to_user: this }).orderBy('username');
  }

  isFollowing(user) {
    return Relationship.select().where({ from_user: this, to_user: user }).count() > 0;
  }
}

class Relationship extends BaseModel {
  static fields = {
    from_user: new ForeignKeyField(User, { backref: 'relationships' }),
    to_user: new ForeignKeyField(User, { backref: 'related_to' }),
  };
}

class Message extends BaseModel {
  static fields = {
    user: new ForeignKeyField(User),
    content: new TextField(),
    pub_date: new DateTimeField(),
  };
}

database.createTables([User, Relationship, Message]);
const u = User.create({ username: 'huey', password: 'x', email: 'h@example.com', join_date: new Date(2024, 0, 1) });
print('relationships' in u, 'related_to' in u);
for (const name of ['following', 'followers', 'isFollowing']) {
  try {
    const q = name === 'isFollowing' ? u[name](u) : u[name]();
    print(name, 'ok', typeof q.sql === 'function' ? q.sql() : q);
  } catch (exc) {
    print(name, exc.name, exc.message);
  }
}
