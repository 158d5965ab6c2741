// Backrefs and eager loading: user.tweets as a query, withRelated(Load), prefetch().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BackrefAccessor, ImproperlyConfigured, Load, PREFETCH_TYPE, prefetch } from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

const contents = (tweets) => [...tweets].map((tweet) => tweet.content);

describe('relations', () => {
  it('a backref is a query on the instance and an accessor on the class', async () => {
    const { db, User, Tweet } = await twitter();
    assert.ok(User.tweets instanceof BackrefAccessor);
    assert.equal(User.tweets.field, Tweet.user);
    const huey = User.get(User.username.eq('huey'));
    assert.deepEqual(huey.tweets.sql(), [
      'SELECT "t1"."id", "t1"."content", "t1"."timestamp", "t1"."user_id" FROM "tweet" AS "t1" WHERE ("t1"."user_id" = ?)',
      [1],
    ]);
    assert.deepEqual(contents(huey.tweets.orderBy(Tweet.id)), ['meow', 'hiss', 'purr']);
    db.close();
  });

  it('withRelated(Load) runs one query per relation and attaches lists both ways', async () => {
    const { db, User, Tweet } = await twitter();
    db.resetQueryCount();
    const statements = recorded(db, () => {
      const lines = [];
      for (const user of User.select().orderBy(User.id).withRelated(new Load(User.tweets))) {
        lines.push(`${user.username}: ${contents(user.tweets).join(', ')}`);
        for (const tweet of user.tweets) assert.equal(tweet.user, user);
      }
      assert.deepEqual(lines, ['huey: meow, hiss, purr', 'mickey: woof, whine', 'zaizee: ']);
    });
    assert.deepEqual(statements, [
      ['SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" ORDER BY "t1"."id"', []],
      [
        'SELECT "t1"."id", "t1"."content", "t1"."timestamp", "t1"."user_id" FROM "tweet" AS "t1" ' +
          'WHERE ("t1"."user_id" IN (SELECT "t2"."id" FROM "user" AS "t2" ORDER BY "t2"."id"))',
        [],
      ],
    ]);
    db.close();
  });

  it('a parent the query returns twice gets its own copies of the loaded rows', async () => {
    const { db, User, Tweet } = await twitter();
    db.resetQueryCount();
    const rows = [...User.select(User, Tweet.content).join(Tweet).orderBy(Tweet.id).withRelated(new Load(User.tweets))];
    assert.equal(db.queryCount, 2);
    assert.deepEqual(rows.map((user) => `${user.username}/${user.tweet.content}: ${contents(user.tweets).join(' ')}`), [
      'huey/meow: meow hiss purr',
      'huey/hiss: meow hiss purr',
      'huey/purr: meow hiss purr',
      'mickey/woof: woof whine',
      'mickey/whine: woof whine',
    ]);
    for (const user of rows) for (const tweet of user.tweets) assert.equal(tweet.user, user);
    assert.notEqual(rows[0].tweets[0], rows[1].tweets[0]);
    assert.equal(db.queryCount, 2);
    db.close();
  });

  it('loads attached from rows match the ones the core attaches', async () => {
    const { db, User, Tweet } = await twitter();
    const describe = (users) =>
      [...users].map((user) => `${user.id} ${user.username}: ${user.tweets.map((t) => `${t.id} ${t.content} ${t.user.id}`)}`);
    const byRows = describe(User.select().orderBy(User.id).withRelated(new Load(User.tweets, { strategy: PREFETCH_TYPE.JOIN })));
    const byCore = describe(User.select().orderBy(User.id).withRelated(new Load(User.tweets, { strategy: PREFETCH_TYPE.MATERIALIZE })));
    assert.deepEqual(byRows, byCore);
    assert.equal(byRows.length, 3);
    assert.deepEqual(describe([User.select().where(User.id.eq(1)).withRelated(new Load(User.tweets)).get()]), byCore.slice(0, 1));

    db.resetQueryCount();
    const nobody = [...User.select().where(User.id.eq(0)).withRelated(new Load(User.tweets))];
    assert.deepEqual(nobody, []);
    assert.equal(db.queryCount, 2, 'the load runs even when no parent matched, as in the core');

    db.resetQueryCount();
    const authors = [...Tweet.select().orderBy(Tweet.id).withRelated(new Load(Tweet.user))].map((t) => t.user.username);
    assert.deepEqual(authors, ['huey', 'huey', 'huey', 'mickey', 'mickey']);
    assert.equal(db.queryCount, 2);
    db.close();
  });

  it('Load takes a query, perParent and a strategy; loads nest', async () => {
    const { db, User, Tweet, Favorite } = await twitter();
    const latest = Tweet.select().orderBy(Tweet.id.desc());
    const users = User.select().orderBy(User.id).withRelated(new Load(User.tweets, latest, { perParent: 1 }));
    assert.deepEqual([...users].map((user) => contents(user.tweets)), [['purr'], ['whine'], []]);

    db.resetQueryCount();
    const nested = Tweet.select()
      .orderBy(Tweet.id)
      .withRelated(new Load(Tweet.favorites, { strategy: PREFETCH_TYPE.MATERIALIZE }).withRelated(new Load(Favorite.user)));
    const likes = [...nested].map((tweet) => `${tweet.content}: ${tweet.favorites.map((f) => f.user.username).join(' ')}`);
    assert.deepEqual(likes, ['meow: zaizee', 'hiss: ', 'purr: mickey zaizee', 'woof: ', 'whine: huey']);
    assert.equal(db.queryCount, 3);
    db.close();
  });

  it('prefetch() attaches the rows of each subquery', async () => {
    const { db, User, Tweet, Favorite } = await twitter();
    db.resetQueryCount();
    const users = prefetch(User.select().orderBy(User.id), Tweet.select().orderBy(Tweet.id), Favorite.select());
    assert.equal(db.queryCount, 3);
    assert.deepEqual(
      users.map((user) => user.tweets.map((tweet) => `${tweet.content}(${tweet.favorites.length})`)),
      [['meow(1)', 'hiss(0)', 'purr(2)'], ['woof(0)', 'whine(1)'], []],
    );
    assert.deepEqual(User.select().orderBy(User.id).prefetch(Tweet).map((user) => user.tweets.length), [3, 2, 0]);
    assert.equal(db.queryCount, 5);
    db.close();
  });

  it('a Load of something that is not a relation fails clearly', async () => {
    const { db, User } = await twitter();
    assert.throws(() => new Load(User.username), ImproperlyConfigured);
    db.close();
  });
});
