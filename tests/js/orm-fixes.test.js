// Fixes found by the lessons: error messages in JS terms, where() given an object of
// filters, booleans in the query log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BooleanField, Database, JOIN, Model, PREFETCH_TYPE, TextField, prefetch } from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

describe('orm fixes', () => {
  it("the core's errors name the JS methods (withRelated, not with_related)", async () => {
    const { db, User, Tweet } = await twitter({ populate: false });
    assert.throws(() => prefetch(User.select(), Tweet.select(), { prefetchType: PREFETCH_TYPE.MATERIALIZE }), {
      name: 'ImproperlyConfigured',
      message:
        'PREFETCH_TYPE.MATERIALIZE is not supported by prefetch(). Use Model.select().withRelated() with a Load() node instead.',
    });
    db.close();
  });

  it('where() given an object of filters throws a TypeError that points to filter()', async () => {
    const { db, User, Tweet, Favorite } = await twitter({ populate: false });
    assert.throws(() => Tweet.select().where({ user__in: User.select() }), {
      name: 'TypeError',
      message: 'where() takes expressions, not an object of filters: use filter({ user__in: ... }) or Tweet.user.in(...)',
    });
    // The field is looked for on the joined models too.
    assert.throws(() => User.select().join(Favorite).where(User.id.gt(0), { tweet: 1 }), {
      name: 'TypeError',
      message: 'where() takes expressions, not an object of filters: use filter({ tweet: ... }) or Favorite.tweet.eq(...)',
    });
    assert.throws(() => Tweet.delete().where({ content__like: '%x' }), {
      message: 'where() takes expressions, not an object of filters: use filter({ content__like: ... }) or Tweet.content.like(...)',
    });
    assert.throws(() => Tweet.update({ content: 'x' }).where({ id: 1 }), { name: 'TypeError' });
    // Expressions still work.
    assert.equal(Tweet.select().where(Tweet.id.eq(1)).count(), 0);
    db.close();
  });

  it('a model joined on the way to a selected one is attached though none of its columns is selected', async () => {
    const { db, User, Tweet, Favorite } = await twitter();
    // User -> Favorite is a join along a back-reference; Favorite -> Tweet along its foreign key.
    const query = User.select(User, Tweet).join(Favorite).join(Tweet).orderBy(User.id, Tweet.id);
    const rows = [...query].map((user) => [user.username, user.favorite.tweet.content]);
    assert.deepEqual(rows, [
      ['huey', 'whine'],
      ['mickey', 'purr'],
      ['zaizee', 'meow'],
      ['zaizee', 'purr'],
    ]);
    // An outer join that matched nothing: as in Peewee (a joined model that is the source of
    // another join is attached even when empty), an empty Favorite, and no tweet on it.
    User.create({ username: 'mrs whiskers' });
    const outer = User.select(User, Tweet).join(Favorite, JOIN.LEFT_OUTER).join(Tweet, JOIN.LEFT_OUTER);
    const [lonely] = outer.where(User.username.eq('mrs whiskers'));
    assert.ok(lonely.favorite instanceof Favorite);
    assert.equal(lonely.favorite.id ?? null, null);
    assert.equal(lonely.favorite.tweet_id ?? null, null);
    db.close();
  });

  it("getOrCreate() calls a field's default only when it creates the row", async () => {
    const db = await Database.open();
    let calls = 0;
    class Tag extends Model {
      static meta = { database: db };
      static fields = { name: new TextField(), label: new TextField({ default: () => `made ${++calls}` }) };
    }
    db.createTables([Tag]);
    const [created, wasCreated] = Tag.getOrCreate({ name: 'python' });
    assert.deepEqual([wasCreated, created.label, calls], [true, 'made 1', 1]);
    const [found, wasFound] = Tag.getOrCreate({ name: 'python', defaults: { label: 'unused' } });
    assert.deepEqual([wasFound, found.id, found.label, calls], [false, created.id, 'made 1', 1]);
    const [other] = Tag.getOrCreate({ name: 'js', defaults: { label: 'given' } });
    assert.deepEqual([other.label, calls], ['given', 1]);
    db.close();
  });

  it('filter() takes Peewee\'s keyword filters on the query\'s model', async () => {
    const { db, User, Tweet } = await twitter();
    const huey = User.select().where(User.username.eq('huey'));
    const query = Tweet.select().filter({ user__in: huey, content__ne: 'hiss' }).orderBy(Tweet.id);
    assert.deepEqual(query.sql(), Tweet.select().where(Tweet.user.in(huey), Tweet.content.ne('hiss')).orderBy(Tweet.id).sql());
    assert.deepEqual([...query].map((tweet) => tweet.content), ['meow', 'purr']);
    assert.equal(Tweet.select().filter({ content: 'woof' }).count(), 1);
    assert.throws(() => Tweet.select().filter({ user__username: 'huey' }).sql(), {
      name: 'ImproperlyConfigured',
      message:
        'Tweet.select().filter(user__username): filters across foreign keys are not supported; join() the related model and use where() on its fields',
    });
    db.close();
  });

  it('connect() and isClosed(): an open database is reused, a closed one stays closed', async () => {
    const db = await Database.open();
    assert.equal(db.isClosed(), false);
    assert.equal(db.connect({ reuseIfOpen: true }), false);
    assert.throws(() => db.connect(), { name: 'OperationalError', message: 'Connection already opened.' });
    db.close();
    assert.equal(db.isClosed(), true);
    assert.throws(() => db.connect({ reuseIfOpen: true }), {
      name: 'InterfaceError',
      message: "Database(':memory:') is closed and cannot be reopened; open a new one with await Database.open()",
    });
  });

  it('the query log shows booleans as the code passed them, as the oracle recorded Peewee\'s params', async () => {
    const db = await Database.open();
    class Flag extends Model {
      static meta = { database: db };
      static fields = { name: new TextField(), on: new BooleanField({ default: true }) };
    }
    db.createTables([Flag]);
    const statements = recorded(db, () => {
      Flag.create({ name: 'a' });
      Flag.create({ name: 'b', on: false });
    });
    assert.deepEqual(statements, [
      ['INSERT INTO "flag" ("name", "on") VALUES (?, ?)', ['a', true]],
      ['INSERT INTO "flag" ("name", "on") VALUES (?, ?)', ['b', false]],
    ]);
    assert.deepEqual([...Flag.select().orderBy(Flag.id)].map((flag) => flag.on), [true, false]);
    db.close();
  });

  it('sql() of a model bound to no database compiles, as Peewee does; running it still names the fix', async () => {
    (await Database.open()).close(); // the module is loaded
    class Orphan extends Model {
      static fields = { name: new TextField() };
    }
    assert.deepEqual(Orphan.select().where(Orphan.name.eq('x')).sql(), [
      'SELECT "t1"."id", "t1"."name" FROM "orphan" AS "t1" WHERE ("t1"."name" = ?)',
      ['x'],
    ]);
    assert.throws(() => [...Orphan.select()], { name: 'ImproperlyConfigured', message: /Orphan has no database/ });
  });
});
