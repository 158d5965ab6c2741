// Models, createTables, CRUD and selects with joins, checked against the SQL Peewee sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DoesNotExist, fn, JOIN } from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

describe('models and selects', () => {
  it('createTables sends Peewee\'s DDL in dependency order', async () => {
    const { db, User, Tweet, Favorite } = await twitter({ create: false });
    const statements = recorded(db, () => db.createTables([Favorite, Tweet, User]));
    assert.deepEqual(statements.map(([sql]) => sql), [
      'CREATE TABLE IF NOT EXISTS "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" TEXT NOT NULL)',
      'CREATE TABLE IF NOT EXISTS "tweet" ("id" INTEGER NOT NULL PRIMARY KEY, "content" TEXT NOT NULL, ' +
        '"timestamp" DATETIME NOT NULL, "user_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
      'CREATE INDEX IF NOT EXISTS "tweet_user_id" ON "tweet" ("user_id")',
      'CREATE TABLE IF NOT EXISTS "favorite" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, ' +
        '"tweet_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), ' +
        'FOREIGN KEY ("tweet_id") REFERENCES "tweet" ("id"))',
      'CREATE INDEX IF NOT EXISTS "favorite_user_id" ON "favorite" ("user_id")',
      'CREATE INDEX IF NOT EXISTS "favorite_tweet_id" ON "favorite" ("tweet_id")',
    ]);
    recorded(db, () => db.dropTables([User, Tweet, Favorite]));
    assert.deepEqual(db.querySql("SELECT name FROM sqlite_master WHERE type = 'table'"), []);
    db.close();
  });

  it('create() inserts with defaults and sets the primary key', async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    const statements = recorded(db, () => {
      const huey = User.create({ username: 'huey' });
      assert.equal(huey.id, 1);
      const tweet = Tweet.create({ user: huey, content: 'meow' });
      assert.equal(tweet.id, 1);
      assert.equal(tweet.user_id, 1);
      assert.equal(tweet.user, huey);
    });
    assert.deepEqual(statements, [
      ['INSERT INTO "user" ("username") VALUES (?)', ['huey']],
      ['INSERT INTO "tweet" ("content", "timestamp", "user_id") VALUES (?, ?, ?)', ['meow', '2024-01-01 00:00:00', 1]],
    ]);
    db.close();
  });

  it('joins, filters and orders; joined instances hang off their foreign key', async () => {
    const { db, User, Tweet } = await twitter();
    const query = Tweet.select(Tweet, User).join(User).where(User.username.eq('huey')).orderBy(Tweet.id);
    assert.deepEqual(query.sql(), [
      'SELECT "t1"."id", "t1"."content", "t1"."timestamp", "t1"."user_id", "t2"."id", "t2"."username" ' +
        'FROM "tweet" AS "t1" INNER JOIN "user" AS "t2" ON ("t1"."user_id" = "t2"."id") ' +
        'WHERE ("t2"."username" = ?) ORDER BY "t1"."id"',
      ['huey'],
    ]);
    db.resetQueryCount();
    const lines = [...query].map((tweet) => `${tweet.user.username} -> ${tweet.content}`);
    assert.deepEqual(lines, ['huey -> meow', 'huey -> hiss', 'huey -> purr']);
    assert.equal(db.queryCount, 1, 'the users came with the join');
    assert.ok([...query][0] instanceof Tweet);
    assert.ok([...query][0].user instanceof User);
    assert.equal(db.queryCount, 1, 'iterating again reuses the rows');
    db.close();
  });

  it('loads a foreign key lazily, one query each (N+1)', async () => {
    const { db, Tweet } = await twitter();
    db.resetQueryCount();
    const statements = recorded(db, () => {
      for (const tweet of Tweet.select().orderBy(Tweet.id).limit(2)) void tweet.user.username;
    });
    assert.equal(statements.length, 3);
    assert.deepEqual(statements[1], [
      'SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" WHERE ("t1"."id" = ?) LIMIT ? OFFSET ?',
      [1, 1, 0],
    ]);
    db.close();
  });

  it('returns dicts, tuples and flat objects, with aggregates', async () => {
    const { db, User, Tweet } = await twitter();
    const counts = User.select(User.username, fn.COUNT(Tweet.id).alias('count'))
      .join(Tweet, JOIN.LEFT_OUTER)
      .groupBy(User.username)
      .orderBy(User.username);
    assert.equal(
      counts.sql()[0],
      'SELECT "t1"."username", COUNT("t2"."id") AS "count" FROM "user" AS "t1" ' +
        'LEFT OUTER JOIN "tweet" AS "t2" ON ("t2"."user_id" = "t1"."id") GROUP BY "t1"."username" ORDER BY "t1"."username"',
    );
    assert.deepEqual(counts.tuples().execute(), [['huey', 3], ['mickey', 2], ['zaizee', 0]]);
    assert.deepEqual(counts.dicts().execute()[1], { username: 'mickey', count: 2 });
    const [huey] = counts.execute();
    assert.equal(huey.username, 'huey');
    assert.equal(huey.count, 3);
    const flat = Tweet.select(Tweet.content, User.username).join(User).orderBy(Tweet.id).objects().first();
    assert.equal(flat.username, 'huey');
    assert.equal(flat.content, 'meow');
    db.close();
  });

  it('count, exists, scalar, get, getById, getOrNone', async () => {
    const { db, User, Tweet } = await twitter();
    assert.equal(Tweet.select().count(), 5);
    assert.equal(Tweet.select().where(Tweet.content.eq('nope')).exists(), false);
    assert.equal(Tweet.select(fn.MAX(Tweet.id)).scalar(), 5);
    assert.equal(User.getById(2).username, 'mickey');
    assert.equal(User.getOrNone(User.username.eq('nobody')), null);
    assert.throws(() => User.get(User.username.eq('nobody')), {
      name: 'DoesNotExist',
      message:
        '<Model: User> instance matching query does not exist:\n' +
        'SQL: SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" WHERE ("t1"."username" = ?) LIMIT ? OFFSET ?\n' +
        "Params: ['nobody', 1, 0]",
    });
    assert.throws(() => User.getById(99), DoesNotExist);
    db.close();
  });

  it('timestamps come back as Dates', async () => {
    const { db, Tweet } = await twitter();
    const tweet = Tweet.select().orderBy(Tweet.id).first();
    assert.ok(tweet.timestamp instanceof Date);
    assert.equal(tweet.timestamp.getTime(), new Date(2024, 0, 1, 0, 0).getTime());
    db.close();
  });
});
