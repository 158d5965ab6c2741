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
    // An outer join that matched nothing still attaches nothing.
    User.create({ username: 'mrs whiskers' });
    const outer = User.select(User, Tweet).join(Favorite, JOIN.LEFT_OUTER).join(Tweet, JOIN.LEFT_OUTER);
    const [lonely] = outer.where(User.username.eq('mrs whiskers'));
    assert.equal(lonely.favorite, undefined);
    db.close();
  });

  it('the query log shows booleans as SQLite bound them (0 and 1), as Peewee logs them', async () => {
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
      ['INSERT INTO "flag" ("name", "on") VALUES (?, ?)', ['a', 1]],
      ['INSERT INTO "flag" ("name", "on") VALUES (?, ?)', ['b', 0]],
    ]);
    assert.deepEqual([...Flag.select().orderBy(Flag.id)].map((flag) => flag.on), [true, false]);
    db.close();
  });
});
