// Compound selects (union, unionAll, intersect, except): the SQL the core's tests expect
// (tests/core/compound_cte_test.cpp, from Peewee), their rows, and their use as subqueries.
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

const usernames = (compound) => compound.orderBy(SQL('"username"')).tuples().map(([name]) => name);

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
    assert.deepEqual(ordered.tuples(), [['meow'], ['huey'], ['hiss']]);
    assert.deepEqual(all.orderBy(SQL('"name"')).dicts(), [
      { name: 'hiss' },
      { name: 'huey' },
      { name: 'meow' },
      { name: 'zaizee' },
    ]);
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
    const statements = recorded(db, () => huey.union(huey).dicts());
    assert.deepEqual(statements, [[`${lhs} UNION SELECT "t2"."username" FROM "user" AS "t2" WHERE ("t2"."username" = ?)`, ['huey', 'huey']]]);
    const wider = User.select(User.id, User.username);
    assert.throws(() => huey.union(wider).tuples(), (error) => {
      assert.ok(error instanceof OperationalError);
      assert.match(error.message, /same number of result columns/);
      return true;
    });
    db.close();
  });
});
