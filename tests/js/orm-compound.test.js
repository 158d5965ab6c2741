// Compound selects (union, unionAll, intersect, except): the SQL the core's tests expect
// (tests/core/compound_cte_test.cpp, from Peewee), their rows read as Peewee reads them (with
// the first select's plan: instances, dicts, tuples, objects), and their use as subqueries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CompoundSelect, OperationalError, SQL } from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

const lhs = 'SELECT "t1"."username" FROM "user" AS "t1" WHERE ("t1"."username" = ?)';
const rhs =
  'SELECT "t2"."username" FROM "user" AS "t2" INNER JOIN "tweet" AS "t3" ON ("t3"."user_id" = "t2"."id") ' +
  'WHERE ("t3"."content" = ?)';

async function parts() {
  const models = await twitter();
  const { User, Tweet } = models;
  const huey = User.select(User.username).where(User.username.eq('huey'));
  const authors = User.select(User.username).join(Tweet).where(Tweet.content.eq('woof'));
  return { ...models, huey, authors };
}

const usernames = (compound) => [...compound.orderBy(SQL('"username"')).tuples()].map(([name]) => name);

describe('compound selects', () => {
  it('write each operator between the parts, with a new alias depth on the right', async () => {
    const { db, huey, authors } = await parts();
    const cases = [
      ['union', 'UNION', ['huey', 'mickey']],
      ['intersect', 'INTERSECT', []],
      ['except', 'EXCEPT', ['huey']],
    ];
    for (const [method, op, rows] of cases) {
      const compound = huey[method](authors);
      assert.ok(compound instanceof CompoundSelect);
      assert.deepEqual(compound.sql(), [`${lhs} ${op} ${rhs}`, ['huey', 'woof']], method);
      assert.deepEqual(usernames(compound), rows, method);
    }
    const twice = huey.unionAll(huey);
    assert.deepEqual(twice.sql(), [
      `${lhs} UNION ALL SELECT "t2"."username" FROM "user" AS "t2" WHERE ("t2"."username" = ?)`,
      ['huey', 'huey'],
    ]);
    assert.deepEqual(usernames(twice), ['huey', 'huey']);
    db.close();
  });

  it('chain three parts, with ORDER BY, LIMIT and OFFSET on the whole', async () => {
    const { db, User, Tweet } = await parts();
    const Other = User.alias('u2');
    const a = User.select(User.username.alias('name')).where(User.id.eq(1));
    const b = Tweet.select(Tweet.content.alias('name')).where(Tweet.id.lt(3));
    const c = Other.select(Other.username.alias('name')).where(Other.id.eq(3));
    const all = a.union(b).union(c);
    const ordered = all.orderBy(SQL('"name"').desc()).limit(3).offset(1);
    assert.deepEqual(ordered.sql(), [
      'SELECT "t1"."username" AS "name" FROM "user" AS "t1" WHERE ("t1"."id" = ?) UNION ' +
        'SELECT "t2"."content" AS "name" FROM "tweet" AS "t2" WHERE ("t2"."id" < ?) UNION ' +
        'SELECT "u2"."username" AS "name" FROM "user" AS "u2" WHERE ("u2"."id" = ?) ORDER BY "name" DESC LIMIT ? OFFSET ?',
      [1, 3, 3, 3, 1],
    ]);
    assert.deepEqual([...ordered.tuples()], [['meow'], ['huey'], ['hiss']]);
    assert.deepEqual([...all.orderBy(SQL('"name"')).dicts()], [
      { name: 'hiss' },
      { name: 'huey' },
      { name: 'meow' },
      { name: 'zaizee' },
    ]);
    db.close();
  });

  it('iterate as instances of the first select\'s model with the selected fields, run once', async () => {
    const { db, User, Tweet } = await parts();
    const named = (username) => User.select(User.id, User.username).where(User.username.eq(username));
    const both = named('mickey').union(named('huey')).orderBy(SQL('"username"'));
    const statements = recorded(db, () => {
      const users = [...both];
      assert.ok(users.every((user) => user instanceof User));
      assert.deepEqual(users.map((user) => [user.id, user.username, user.isDirty()]), [[1, 'huey', false], [2, 'mickey', false]]);
      assert.equal([...both].length, 2);
    });
    assert.equal(statements.length, 1, 'the rows are cached on the query, as in Peewee');
    assert.equal([...[...both][0].tweets].length, 3, 'a loaded instance, usable like any other');

    // Values convert as the first select's fields do.
    const stamp = (id) => Tweet.select(Tweet.timestamp, Tweet.content).where(Tweet.id.eq(id));
    const [first, second] = stamp(1).unionAll(stamp(2)).orderBy(SQL('"content"').desc());
    assert.ok(first instanceof Tweet);
    assert.deepEqual([first.content, first.timestamp], ['meow', new Date(2024, 0, 1, 0, 0)]);
    assert.deepEqual([second.content, second.timestamp], ['hiss', new Date(2024, 0, 1, 0, 1)]);
    db.close();
  });

  it('read rows as dicts(), tuples() and objects() too, as Peewee reads a compound', async () => {
    const { db, User, Tweet } = await parts();
    // The right-hand part reads its own tables under aliases: a model it names finds the
    // left-hand part's alias first (as in Peewee).
    const [T, U] = [Tweet.alias(), User.alias()];
    const huey = Tweet.select(Tweet.content, User.username).join(User).where(User.username.eq('huey'), Tweet.content.ne('hiss'));
    const mickey = T.select(T.content, U.username).join(U, { on: T.user.eq(U.id) }).where(U.username.eq('mickey'));
    const both = huey.union(mickey).orderBy(SQL('"content"'));
    const expected = [['meow', 'huey'], ['purr', 'huey'], ['whine', 'mickey'], ['woof', 'mickey']];
    assert.deepEqual([...both.tuples()], expected);
    assert.deepEqual(
      [...both.dicts()],
      expected.map(([content, username]) => ({ content, username })),
    );
    // Instances: the joined user hangs from its tweet; objects(): one flat instance a row.
    const tweets = [...both];
    assert.ok(tweets.every((tweet) => tweet instanceof Tweet && tweet.user instanceof User));
    assert.deepEqual(tweets.map((tweet) => [tweet.content, tweet.user.username]), expected);
    const flat = [...both.objects()];
    assert.ok(flat.every((tweet) => tweet instanceof Tweet));
    assert.deepEqual(flat.map((tweet) => [tweet.content, tweet.username]), expected);
    assert.deepEqual([...both.objects().models()].map((tweet) => tweet.user.username), ['huey', 'huey', 'mickey', 'mickey']);
    db.close();
  });

  it('work as a subquery: IN (a UNION b)', async () => {
    const { db, User, Tweet } = await parts();
    const huey = User.select(User.id).where(User.username.eq('huey'));
    const zaizee = User.select(User.id).where(User.username.eq('mickey'));
    const query = Tweet.select(Tweet.content).where(Tweet.user.in(huey.union(zaizee))).orderBy(Tweet.id);
    assert.deepEqual(query.sql(), [
      'SELECT "t1"."content" FROM "tweet" AS "t1" WHERE ("t1"."user_id" IN (SELECT "t2"."id" FROM "user" AS "t2" ' +
        'WHERE ("t2"."username" = ?) UNION SELECT "t3"."id" FROM "user" AS "t3" WHERE ("t3"."username" = ?))) ' +
        'ORDER BY "t1"."id"',
      ['huey', 'mickey'],
    ]);
    assert.deepEqual([...query.tuples()].map(([content]) => content), ['meow', 'hiss', 'purr', 'woof', 'whine']);
    db.close();
  });

  it('run as one logged statement, and fail as SQLite does when the parts do not match', async () => {
    const { db, User, huey } = await parts();
    const statements = recorded(db, () => huey.union(huey).dicts().execute());
    assert.deepEqual(statements, [[`${lhs} UNION SELECT "t2"."username" FROM "user" AS "t2" WHERE ("t2"."username" = ?)`, ['huey', 'huey']]]);
    const wider = User.select(User.id, User.username);
    assert.throws(() => huey.union(wider).tuples().execute(), (error) => {
      assert.ok(error instanceof OperationalError);
      assert.match(error.message, /same number of result columns/);
      return true;
    });
    db.close();
  });
});
