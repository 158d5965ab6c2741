// db.atomic((txn) => ...): the transaction handed to the function, as Peewee's
// `with db.atomic() as txn`: txn.rollback() and txn.commit() end the work so far and go on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InterfaceError, Transaction } from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

const names = (User) => User.select().orderBy(User.id).execute().map((user) => user.username);

describe('db.atomic(fn) passes the transaction to fn', () => {
  it('txn.rollback() undoes the work so far and opens a new transaction (Peewee: ROLLBACK, BEGIN)', async () => {
    const { db, User } = await twitter({ populate: false });
    const statements = recorded(db, () =>
      db.atomic((txn) => {
        assert.ok(txn instanceof Transaction);
        User.create({ username: 'lost' });
        txn.rollback();
        User.create({ username: 'kept' });
      }),
    );
    assert.deepEqual(
      statements.map(([sql]) => sql),
      ['BEGIN', 'INSERT INTO "user" ("username") VALUES (?)', 'ROLLBACK', 'BEGIN', 'INSERT INTO "user" ("username") VALUES (?)', 'COMMIT'],
    );
    assert.deepEqual(names(User), ['kept']);
    db.close();
  });

  it('txn.commit() keeps the work so far even when fn throws afterwards', async () => {
    const { db, User } = await twitter({ populate: false });
    assert.throws(() =>
      db.atomic((txn) => {
        User.create({ username: 'committed' });
        txn.commit();
        User.create({ username: 'rolled back' });
        throw new Error('boom');
      }),
    /boom/);
    assert.deepEqual(names(User), ['committed']);
    db.close();
  });

  it('a nested block rolls back only its own work', async () => {
    const { db, User } = await twitter({ populate: false });
    db.atomic(() => {
      User.create({ username: 'outer' });
      db.atomic((inner) => {
        User.create({ username: 'inner' });
        inner.rollback();
      });
    });
    assert.deepEqual(names(User), ['outer']);
    db.close();
  });

  it('the transaction cannot be used once its block has ended', async () => {
    const { db } = await twitter({ populate: false });
    let kept;
    db.atomic((txn) => {
      kept = txn;
    });
    assert.throws(() => kept.rollback(), (error) => {
      assert.ok(error instanceof InterfaceError);
      assert.match(error.message, /txn\.rollback\(\): the atomic block has ended/);
      return true;
    });
    assert.equal(db.querySql('SELECT 1 AS one')[0].one, 1);
    db.close();
  });
});
