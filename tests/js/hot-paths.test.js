// The per-call paths: getById and lazy loads run a select compiled once (values bound per
// call, through the heap when a lone number), and save()/create() send their values through
// the heap with the INSERT compiled once per set of fields. Same SQL, params, query counts,
// errors and dirty tracking as the general paths; these tests pin the bad cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CompositeKey,
  Database,
  DataError,
  DoesNotExist,
  IntegerField,
  IntegrityError,
  InterfaceError,
  Model,
  TextField,
} from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

const userById = 'SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" WHERE ("t1"."id" = ?) LIMIT ? OFFSET ?';

describe('prepared getById and lazy loads', () => {
  it('every call logs its own SQL and params, one query each', async () => {
    const { db, User } = await twitter();
    const before = db.queryCount;
    const statements = recorded(db, () => {
      assert.equal(User.getById(1).username, 'huey');
      assert.equal(User.getById(3).username, 'zaizee');
      assert.equal(User.getById(2).username, 'mickey');
    });
    assert.deepEqual(statements, [
      [userById, [1, 1, 0]],
      [userById, [3, 1, 0]],
      [userById, [2, 1, 0]],
    ]);
    assert.equal(db.queryCount - before, 3);
    const events = [];
    const off = db.onQuery((event) => events.push(event));
    User.getById(1);
    assert.throws(() => User.getById(98), DoesNotExist);
    User.create({ username: 'logged' });
    off();
    assert.deepEqual(
      events.map(({ rows, failed }) => [rows, failed]),
      [[1, false], [0, false], [1, false]],
    );
    assert.ok(events.every((event) => typeof event.durationMs === 'number' && event.durationMs >= 0));
    db.close();
  });

  it('a missing row is DoesNotExist naming the SQL and the params of that call', async () => {
    const { db, User } = await twitter();
    assert.equal(User.getById(1).username, 'huey');
    const before = db.queryCount;
    assert.throws(() => User.getById(99), {
      name: 'DoesNotExist',
      message: `<Model: User> instance matching query does not exist:\nSQL: ${userById}\nParams: [99, 1, 0]`,
    });
    assert.equal(db.queryCount - before, 1);
    assert.equal(User.getById(2).username, 'mickey');
    db.close();
  });

  it('a first call that finds nothing leaves the next calls their row plan', async () => {
    // The payload omits its plan once JS kept one; a first call that threw kept none.
    const { db, User, Tweet } = await twitter();
    assert.throws(() => User.getById(99), DoesNotExist);
    assert.equal(User.getById(2).username, 'mickey');
    assert.equal(User.getById(1).username, 'huey');
    const tweet = Tweet.select().orderBy(Tweet.id).get();
    assert.equal(tweet.user.username, User.getById(tweet.user_id).username);
    db.close();
  });

  it('values of another type than the first call still find their row', async () => {
    const { db, User } = await twitter();
    assert.equal(User.getById(1).username, 'huey');
    assert.equal(User.getById('2').username, 'mickey');
    assert.equal(User.getById(3n).username, 'zaizee');
    assert.throws(() => User.getById(null), DoesNotExist);
    assert.throws(() => User.getById(1.5), { name: 'DataError', message: 'AutoField User.id: cannot store 1.5 (real); pass an integer' });
    assert.equal(User.getById(1).username, 'huey');
    db.close();
  });

  it('text and composite primary keys', async () => {
    const db = await Database.open();
    class Tag extends Model {
      static meta = { database: db };
      static fields = { name: new TextField({ primaryKey: true }), uses: new IntegerField() };
    }
    class Pair extends Model {
      static meta = { database: db, primaryKey: new CompositeKey('a', 'b') };
      static fields = { a: new IntegerField(), b: new TextField(), note: new TextField() };
    }
    db.createTables([Tag, Pair]);
    Tag.create({ name: 'ünïcode', uses: 1 });
    Tag.create({ name: 'plain', uses: 2 });
    Pair.create({ a: 1, b: 'x', note: 'first' });
    Pair.create({ a: 1, b: 'y', note: 'second' });
    assert.equal(Tag.getById('plain').uses, 2);
    assert.equal(Tag.getById('ünïcode').uses, 1);
    assert.throws(() => Tag.getById('none'), DoesNotExist);
    assert.equal(Pair.getById([1, 'y']).note, 'second');
    assert.equal(Pair.getById([1, 'x']).note, 'first');
    db.close();
  });

  it('after db.close() a prepared getById is the typed closed-database error', async () => {
    const { db, User, Tweet } = await twitter();
    const tweet = Tweet.getById(1);
    assert.equal(User.getById(1).username, 'huey');
    db.close();
    assert.throws(() => User.getById(1), { name: 'InterfaceError', message: 'Cannot operate on a closed database.' });
    assert.throws(() => tweet.user, InterfaceError);
  });

  it('lazy loads log one query each, with the foreign key value', async () => {
    const { db, Tweet } = await twitter();
    const tweets = Tweet.select().orderBy(Tweet.id).execute();
    const statements = recorded(db, () => {
      assert.deepEqual(
        tweets.map((tweet) => tweet.user.username),
        ['huey', 'huey', 'huey', 'mickey', 'mickey'],
      );
    });
    assert.deepEqual(
      statements.map(([, params]) => params),
      [[1, 1, 0], [1, 1, 0], [1, 1, 0], [2, 1, 0], [2, 1, 0]],
    );
    db.close();
  });

  it('a model bound to another database after first use reads from that one', async () => {
    const { db, User } = await twitter();
    assert.equal(User.getById(1).username, 'huey');
    const other = await Database.open();
    other.bind([User]);
    other.createTables([User]);
    User.create({ username: 'elsewhere' });
    assert.equal(User.getById(1).username, 'elsewhere');
    db.bind([User]);
    assert.equal(User.getById(1).username, 'huey');
    assert.equal(User.select().count(), 3);
    other.close();
    db.close();
  });

  it('results stay right after the wasm memory grows', async () => {
    const { db, User } = await twitter();
    assert.equal(User.getById(1).username, 'huey');
    const big = 'x'.repeat(32 * 1024 * 1024);
    const user = User.create({ username: big });
    // Room for 3 UTF-8 bytes per character was reserved for the text; the next save gives it back.
    const grown = db.memoryUsage().allocatedBytes;
    assert.equal(User.create({ username: 'after' }).id, user.id + 1);
    const freed = grown - db.memoryUsage().allocatedBytes;
    assert.ok(freed > 2 * big.length, `only ${freed} bytes freed`);
    assert.equal(User.getById(user.id).username.length, big.length);
    assert.equal(User.getById(2).username, 'mickey');
    db.close();
  });
});

describe('save() and create() through the heap', () => {
  it('rows with the same fields share one INSERT text; other fields compile their own', async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    const when = new Date(2024, 0, 2, 3, 4, 5);
    const statements = recorded(db, () => {
      User.create({ username: 'huey' });
      User.create({ username: 'mickey' });
      Tweet.create({ user: 1, content: 'meow', timestamp: when });
      Tweet.create({ user: 2, content: 'woof', timestamp: when });
      Tweet.create({ id: 10, user: 2, content: 'with id', timestamp: when });
    });
    assert.deepEqual(statements, [
      ['INSERT INTO "user" ("username") VALUES (?)', ['huey']],
      ['INSERT INTO "user" ("username") VALUES (?)', ['mickey']],
      ['INSERT INTO "tweet" ("content", "timestamp", "user_id") VALUES (?, ?, ?)', ['meow', '2024-01-02 03:04:05', 1]],
      ['INSERT INTO "tweet" ("content", "timestamp", "user_id") VALUES (?, ?, ?)', ['woof', '2024-01-02 03:04:05', 2]],
      [
        'INSERT INTO "tweet" ("id", "content", "timestamp", "user_id") VALUES (?, ?, ?, ?)',
        [10, 'with id', '2024-01-02 03:04:05', 2],
      ],
    ]);
    db.close();
  });

  it('a constraint error leaves the transaction usable and the instance unsaved', async () => {
    const db = await Database.open();
    class Account extends Model {
      static meta = { database: db };
      static fields = { email: new TextField({ unique: true }) };
    }
    db.createTables([Account]);
    db.atomic(() => {
      Account.create({ email: 'a@x' });
      const duplicate = new Account({ email: 'a@x' });
      assert.throws(() => duplicate.save(), { name: 'IntegrityError', message: 'UNIQUE constraint failed: account.email' });
      assert.equal(duplicate.id, undefined);
      assert.deepEqual(duplicate.dirtyFields, ['email']);
      assert.throws(() => Account.create({ email: 'a@x' }), IntegrityError);
      Account.create({ email: 'b@x' });
    });
    assert.deepEqual(Account.select(Account.email).orderBy(Account.id).tuples().execute(), [['a@x'], ['b@x']]);
    db.close();
  });

  it('updates, only=, force_insert, text keys and dirty tracking', async () => {
    const db = await Database.open();
    class Tag extends Model {
      static meta = { database: db };
      static fields = { name: new TextField({ primaryKey: true }), uses: new IntegerField({ default: 0 }) };
    }
    db.createTables([Tag]);
    const tag = new Tag({ name: 'js' });
    const statements = recorded(db, () => {
      assert.equal(tag.save({ forceInsert: true }), 1);
      assert.deepEqual(tag.dirtyFields, []);
      tag.uses = 5;
      assert.equal(tag.save(), 1);
      tag.uses = 6;
      assert.equal(tag.save({ only: ['nope'] }), 0);
      assert.equal(tag.save({ only: [Tag.uses] }), 1);
    });
    assert.deepEqual(statements, [
      ['INSERT INTO "tag" ("name", "uses") VALUES (?, ?)', ['js', 0]],
      ['UPDATE "tag" SET "uses" = ? WHERE ("tag"."name" = ?)', [5, 'js']],
      ['UPDATE "tag" SET "uses" = ? WHERE ("tag"."name" = ?)', [6, 'js']],
    ]);
    assert.equal(tag.name, 'js');
    assert.equal(Tag.getById('js').uses, 6);
    db.close();
  });

  it('bad values fail with DataError naming the parameter, before anything is written', async () => {
    const { db, User } = await twitter({ populate: false });
    assert.throws(() => User.create({ username: 2n ** 64n }), {
      name: 'DataError',
      message: "parameter 1: the bigint 18446744073709551616 is outside SQLite's 64-bit integer range",
    });
    assert.throws(() => User.create({ username: Symbol('no') }), DataError);
    assert.equal(User.select().count(), 0);
    assert.equal(User.create({ username: 2n ** 62n }).id, 1);
    assert.throws(() => User.create({ username: new Uint8Array([1, 2]) }), {
      name: 'DataError',
      message: "TextField User.username: cannot store b'\\x01\\x02' (blob); pass text",
    });
    assert.equal(User.create({ username: 'after' }).id, 2);
    db.close();
  });

  it('an unknown field in create() is ImproperlyConfigured, first use or not', async () => {
    const { db, User } = await twitter({ populate: false });
    assert.throws(() => User.create({ usrname: 'x' }), { name: 'ImproperlyConfigured' });
    User.create({ username: 'ok' });
    assert.throws(() => User.create({ usrname: 'x' }), { name: 'ImproperlyConfigured' });
    assert.equal(User.select().count(), 1);
    db.close();
  });

  it('a foreign key given as an instance is saved as its id', async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    const huey = User.create({ username: 'huey' });
    const tweet = Tweet.create({ user: huey, content: 'meow' });
    assert.equal(Tweet.getById(tweet.id).user_id, huey.id);
    assert.equal(tweet.user, huey);
    db.close();
  });
});
