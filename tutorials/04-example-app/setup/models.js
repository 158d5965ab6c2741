// config: the seed opens 'tweepee.db'; each lesson run starts from a fresh in-memory database.
const database = await Database.open(':memory:');

// model definitions
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
    return User
      .select()
      .join(Relationship, { on: Relationship.to_user })
      .where(Relationship.from_user.eq(this))
      .orderBy(User.username);
  }

  followers() {
    return User
      .select()
      .join(Relationship, { on: Relationship.from_user })
      .where(Relationship.to_user.eq(this))
      .orderBy(User.username);
  }

  isFollowing(user) {
    return Relationship.select().where(
      Relationship.from_user.eq(this).and(Relationship.to_user.eq(user)),
    ).count() > 0;
  }

  gravatarUrl(size = 80) {
    return `http://www.gravatar.com/avatar/${md5(this.email.trim().toLowerCase())}?d=identicon&s=${size}`;
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

function createTables() {
  User.createTable();
  Relationship.createTable();
  Message.createTable();
}
