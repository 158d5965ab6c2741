// The query counter and the query log (onQuery): the contract the ORM tests rely on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Database } from 'peewasm';

describe('query count and log', () => {
  it('counts every statement, failed ones included, until reset', async () => {
    const db = await Database.open(':memory:', { pragmas: { foreign_keys: 1 } });
    assert.equal(db.queryCount, 0, 'pragmas applied on open are not counted');
    db.executeSql('CREATE TABLE t (x UNIQUE)');
    db.executeSql('INSERT INTO t VALUES (?)', [1]);
    db.querySql('SELECT * FROM t');
    assert.throws(() => db.executeSql('INSERT INTO t VALUES (?)', [1]), { name: 'IntegrityError' });
    assert.equal(db.queryCount, 4);
    db.resetQueryCount();
    assert.equal(db.queryCount, 0);
    db.querySql('SELECT 1');
    assert.equal(db.queryCount, 1);
    db.close();
  });

  it('onQuery receives each statement with its params, rows and outcome', async () => {
    const db = await Database.open();
    const events = [];
    const unsubscribe = db.onQuery((event) => events.push(event));
    db.executeSql('CREATE TABLE t (x UNIQUE, b BLOB)');
    db.executeSql('INSERT INTO t VALUES (?, ?), (?, ?)', ['a', new Uint8Array([1]), 2n ** 60n, null]);
    db.querySql('SELECT * FROM t WHERE x = ?', ['a']);
    assert.throws(() => db.executeSql('INSERT INTO t VALUES (?, NULL)', ['a']));
    assert.deepEqual(
      events.map(({ sql, params, rows, failed }) => ({ sql, params, rows, failed })),
      [
        { sql: 'CREATE TABLE t (x UNIQUE, b BLOB)', params: [], rows: 0, failed: false },
        {
          sql: 'INSERT INTO t VALUES (?, ?), (?, ?)',
          params: ['a', new Uint8Array([1]), 2n ** 60n, null],
          rows: 2,
          failed: false,
        },
        { sql: 'SELECT * FROM t WHERE x = ?', params: ['a'], rows: 1, failed: false },
        { sql: 'INSERT INTO t VALUES (?, NULL)', params: ['a'], rows: 0, failed: true },
      ],
    );
    for (const event of events) assert.ok(event.durationMs >= 0 && Number.isFinite(event.durationMs));

    unsubscribe();
    unsubscribe(); // idempotent
    db.querySql('SELECT 1');
    assert.equal(events.length, 4);
    db.close();
  });

  it('supports several listeners, each with its own unsubscribe', async () => {
    const db = await Database.open();
    const a = [];
    const b = [];
    const offA = db.onQuery((event) => a.push(event.sql));
    const offB = db.onQuery((event) => b.push(event.sql));
    db.querySql('SELECT 1');
    offA();
    db.querySql('SELECT 2');
    offB();
    db.querySql('SELECT 3');
    const offC = db.onQuery((event) => a.push(event.sql));
    db.querySql('SELECT 4');
    offC();
    assert.deepEqual(a, ['SELECT 1', 'SELECT 4']);
    assert.deepEqual(b, ['SELECT 1', 'SELECT 2']);
    db.close();
  });

  it('a throwing listener surfaces to the caller after the statement ran', async () => {
    const db = await Database.open();
    db.executeSql('CREATE TABLE t (x)');
    const off = db.onQuery(() => {
      throw new Error('listener failed');
    });
    assert.throws(() => db.executeSql('INSERT INTO t VALUES (1)'), { message: 'listener failed' });
    off();
    assert.deepEqual(db.querySql('SELECT x FROM t'), [{ x: 1 }]);
    db.close();
  });

  it('close() drops the listeners', async () => {
    const db = await Database.open();
    const off = db.onQuery(() => assert.fail('no events after close'));
    db.close();
    off();
  });
});
