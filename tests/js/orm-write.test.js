// Writes: insert/update/delete queries, save, deleteInstance, getOrCreate, atomic; and the
// bad paths: unknown fields and models, wrong values, constraint errors, rollbacks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CharField,
  Database,
  DataError,
  DeferredForeignKey,
  ForeignKeyField,
  ImproperlyConfigured,
  IntegerField,
  IntegrityError,
  Model,
  TextField,
} from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

describe('writes', () => {
  it('insert, insertMany, update and delete queries return ids and row counts', async () => {
    const { db, User } = await twitter({ populate: false });
    const statements = recorded(db, () => {
      assert.equal(User.insert({ username: 'huey' }).execute(), 1);
      assert.equal(User.insertMany([{ username: 'mickey' }, { username: 'zaizee' }]).execute(), 3);
      assert.equal(User.insertMany([['a'], ['b']], [User.username]).execute(), 5);
      assert.equal(User.update({ username: User.username.concat('!') }).where(User.id.gt(3)).execute(), 2);
      assert.equal(User.delete().where(User.username.in(['a!', 'b!'])).execute(), 2);
    });
    assert.deepEqual(statements, [
      ['INSERT INTO "user" ("username") VALUES (?)', ['huey']],
      ['INSERT INTO "user" ("username") VALUES (?), (?)', ['mickey', 'zaizee']],
      ['INSERT INTO "user" ("username") VALUES (?), (?)', ['a', 'b']],
      ['UPDATE "user" SET "username" = ("user"."username" || ?) WHERE ("user"."id" > ?)', ['!', 3]],
      ['DELETE FROM "user" WHERE ("user"."username" IN (?, ?))', ['a!', 'b!']],
    ]);
    assert.deepEqual(User.select(User.username).orderBy(User.id).tuples().execute(), [['huey'], ['mickey'], ['zaizee']]);
    assert.deepEqual(User.insert({ username: 'x' }).sql(), ['INSERT INTO "user" ("username") VALUES (?)', ['x']]);
    db.close();
  });

  it('insertMany and update send plain values as parameters and expressions as SQL, mixed in one row', async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    const huey = User.create({ username: 'huey' });
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const statements = recorded(db, () => {
      Tweet.insertMany([
        { content: 'plain', timestamp: at, user: huey },
        { content: User.select(User.username).where(User.id.eq(1)), timestamp: at, user: 1 },
      ]).execute();
      Tweet.update({ content: Tweet.content.concat('!'), user: huey }).where(Tweet.id.eq(2)).execute();
    });
    assert.deepEqual(statements, [
      [
        'INSERT INTO "tweet" ("content", "timestamp", "user_id") VALUES (?, ?, ?), ' +
          '((SELECT "t1"."username" FROM "user" AS "t1" WHERE ("t1"."id" = ?)), ?, ?)',
        ['plain', '2026-01-02 03:04:05', 1, 1, '2026-01-02 03:04:05', 1],
      ],
      ['UPDATE "tweet" SET "content" = ("tweet"."content" || ?), "user_id" = ? WHERE ("tweet"."id" = ?)', ['!', 1, 2]],
    ]);
    assert.deepEqual(Tweet.select(Tweet.content).orderBy(Tweet.id).tuples().execute(), [['plain'], ['huey!']]);
    assert.throws(() => Tweet.insertMany([{ content: 'ok', user: huey }, { content: { not: 'bindable' }, user: huey }]).execute(), {
      name: 'DataError',
      message: 'parameter 5: cannot bind a value of type Object; use null, a number, a bigint, a string, a boolean, a Date or a Uint8Array',
    });
    assert.equal(Tweet.select().count(), 2);
    db.close();
  });

  it('insertMany runs again with the SQL it compiled the first time, and checks every row', async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const rows = (first) => [0, 1].map((i) => ({ content: `t${first + i}`, timestamp: at, user: 1 }));
    User.create({ username: 'huey' });
    const statements = recorded(db, () => {
      assert.equal(Tweet.insertMany(rows(1)).execute(), 2);
      assert.equal(Tweet.insertMany(rows(3)).execute(), 4);
      assert.equal(Tweet.insertMany(rows(5).slice(1)).execute(), 5);
    });
    const two = 'INSERT INTO "tweet" ("content", "timestamp", "user_id") VALUES (?, ?, ?), (?, ?, ?)';
    const stamp = '2026-01-02 03:04:05';
    assert.deepEqual(statements, [
      [two, ['t1', stamp, 1, 't2', stamp, 1]],
      [two, ['t3', stamp, 1, 't4', stamp, 1]],
      ['INSERT INTO "tweet" ("content", "timestamp", "user_id") VALUES (?, ?, ?)', ['t6', stamp, 1]],
    ]);
    // Rows giving other fields than the first: as Peewee, an error naming the field.
    assert.throws(() => User.insertMany([{ username: 'a' }, { id: 10, username: 'b' }]).execute(), {
      name: 'DataError',
      message: 'User.insert_many: a row sets "id", which the first row does not; give every row the same fields',
    });
    // A foreign key given by its name and by "<name>_id": the last one given counts.
    Tweet.insertMany([{ content: 'both', timestamp: at, user: 2, user_id: 1 }]).execute();
    assert.equal(Tweet.get(Tweet.content.eq('both')).user_id, 1);
    assert.throws(() => Tweet.insertMany([{ content: 'x', timestamp: at, author: 1 }]).execute(), {
      name: 'ImproperlyConfigured',
      message: 'Tweet has no field "author"; its fields are id, content, timestamp, user',
    });
    assert.equal(Tweet.select().count(), 6);
    db.close();
  });

  it('save() inserts a new instance, then updates it; deleteInstance() removes it', async () => {
    const { db, User } = await twitter({ populate: false });
    const user = new User({ username: 'huey' });
    assert.equal(user.id, undefined);
    assert.deepEqual(user.dirtyFields, ['username']);
    const statements = recorded(db, () => {
      assert.equal(user.save(), 1);
      assert.equal(user.id, 1);
      assert.equal(user.isDirty(), false);
      user.username = 'Huey';
      assert.deepEqual(user.dirtyFields, ['username']);
      user.save();
      assert.equal(user.deleteInstance(), 1);
    });
    assert.deepEqual(statements, [
      ['INSERT INTO "user" ("username") VALUES (?)', ['huey']],
      ['UPDATE "user" SET "username" = ? WHERE ("user"."id" = ?)', ['Huey', 1]],
      ['DELETE FROM "user" WHERE ("user"."id" = ?)', [1]],
    ]);
    assert.equal(User.select().count(), 0);
    db.close();
  });

  it('getOrCreate() gets an existing row or creates one with the defaults', async () => {
    const { db, User } = await twitter();
    const [huey, created] = User.getOrCreate({ username: 'huey' });
    assert.equal(created, false);
    assert.equal(huey.id, 1);
    const [fresh, made] = User.getOrCreate({ username: 'alice' });
    assert.equal(made, true);
    assert.equal(fresh.id, 4);
    assert.equal(User.get(User.username.eq('alice')).id, 4);
    db.close();
  });

  it('atomic() commits, nests, and rolls everything back when the function throws', async () => {
    const { db, User } = await twitter({ populate: false });
    assert.equal(db.atomic(() => User.create({ username: 'kept' }).id), 1);
    assert.throws(
      () =>
        db.atomic(() => {
          User.create({ username: 'lost' });
          db.atomic(() => User.create({ username: 'also lost' }));
          throw new Error('boom');
        }),
      { message: 'boom' },
    );
    assert.deepEqual(User.select(User.username).tuples().execute(), [['kept']]);
    db.atomic(() => {
      try {
        db.atomic(() => {
          User.create({ username: 'inner' });
          throw new Error('inner only');
        });
      } catch {
        // the savepoint rolled back; the outer block goes on
      }
      User.create({ username: 'outer' });
    });
    assert.deepEqual(User.select(User.username).orderBy(User.id).tuples().execute(), [['kept'], ['outer']]);
    db.close();
  });

  it('an IntegrityError inside atomic() rolls back and the database stays usable', async () => {
    const db = await Database.open();
    class Account extends Model {
      static meta = { database: db };
      static fields = {
        name: new CharField({ unique: true }),
        balance: new IntegerField({ default: 0 }),
      };
    }
    db.createTables([Account]);
    Account.create({ name: 'a' });
    assert.throws(
      () =>
        db.atomic(() => {
          Account.create({ name: 'b' });
          Account.create({ name: 'a' });
        }),
      (error) => error instanceof IntegrityError && error.message === 'UNIQUE constraint failed: account.name',
    );
    assert.deepEqual(Account.select(Account.name).tuples().execute(), [['a']]);
    assert.equal(Account.create({ name: 'c' }).balance, 0);
    db.close();
  });

  it('unknown fields and models fail with ImproperlyConfigured naming them', async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    assert.throws(() => new User({ usernme: 'x' }), {
      name: 'ImproperlyConfigured',
      message: 'User has no field "usernme"; its fields are id, username',
    });
    assert.throws(() => User.update({ nope: 1 }).execute(), ImproperlyConfigured);
    assert.throws(() => Tweet.select().join(Tweet.alias()).sql(), ImproperlyConfigured);
    class Orphan extends Model {
      static meta = { database: db };
      static fields = { owner: new ForeignKeyField('Nobody') };
    }
    assert.throws(() => db.createTables([Orphan]), {
      name: 'ImproperlyConfigured',
      message:
        "ForeignKeyField Orphan.owner references model 'Nobody', which is not defined; define Nobody first, " +
        'or use DeferredForeignKey for a model defined later',
    });
    class Later extends Model {
      static meta = { database: db };
      static fields = { owner: new DeferredForeignKey('Nobody', { null: true }) };
    }
    assert.throws(() => db.createTables([Later]), {
      name: 'ImproperlyConfigured',
      message: "foreign key Later.owner points at model 'Nobody', which is not defined yet; define it before using the relationship",
    });
    class Unbound extends Model {
      static fields = { text: new TextField() };
    }
    assert.throws(() => Unbound.select().execute(), {
      name: 'ImproperlyConfigured',
      message:
        'Unbound has no database: give it (or its base class) `static meta = { database: db }`, or call db.bind([...models])',
    });
    db.close();
  });

  it('values of the wrong type fail with DataError before anything is written', async () => {
    const { db, User } = await twitter({ populate: false });
    assert.throws(() => User.create({ username: { not: 'text' } }), {
      name: 'DataError',
      message:
        'parameter 1: cannot bind a value of type Object; use null, a number, a bigint, a string, a boolean, a Date or a Uint8Array',
    });
    assert.throws(() => User.select().where(User.username.contains(5)).execute(), DataError);
    assert.equal(User.select().count(), 0);
    db.close();
  });

  it('a NOT NULL violation is an IntegrityError', async () => {
    const { db, User } = await twitter({ populate: false });
    assert.throws(() => User.create({}), { name: 'IntegrityError', message: 'NOT NULL constraint failed: user.username' });
    db.close();
  });
});
