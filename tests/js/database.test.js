// Database: open, executeSql, querySql with every parameter type, close.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Database, InterfaceError } from 'peewasm';

describe('Database', () => {
  it('opens an in-memory database by default and runs a query', async () => {
    const db = await Database.open();
    assert.equal(db.path, ':memory:');
    assert.deepEqual(db.querySql('SELECT 1 AS one, ? AS two', [2]), [{ one: 1, two: 2 }]);
    db.close();
  });

  it('executeSql returns the rows changed and the last inserted rowid', async () => {
    const db = await Database.open();
    db.executeSql('CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" TEXT NOT NULL)');
    assert.deepEqual(db.executeSql('INSERT INTO "user" ("username") VALUES (?)', ['huey']), {
      rowsChanged: 1,
      lastInsertRowid: 1,
    });
    db.executeSql('INSERT INTO "user" ("username") VALUES (?), (?)', ['mickey', 'zaizee']);
    const update = db.executeSql('UPDATE "user" SET "username" = upper("username") WHERE "id" > ?', [1]);
    assert.equal(update.rowsChanged, 2);
    assert.equal(update.lastInsertRowid, 3);
    assert.deepEqual(db.querySql('SELECT "username" FROM "user" ORDER BY "id"'), [
      { username: 'huey' },
      { username: 'MICKEY' },
      { username: 'ZAIZEE' },
    ]);
    db.close();
  });

  it('binds and returns every parameter type', async () => {
    const db = await Database.open();
    db.executeSql('CREATE TABLE v (n, i INTEGER, f REAL, t TEXT, b BLOB, flag INTEGER)');
    const blob = new Uint8Array([0, 1, 2, 254, 255]);
    db.executeSql('INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)', [null, 42, 3.25, 'héllo wörld ✓ 🐦', blob, true]);
    db.executeSql('INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)', [undefined, -7, -0.5, '', new Uint8Array(0), false]);
    const rows = db.querySql('SELECT n, i, f, t, b, flag, typeof(b) AS bt FROM v ORDER BY rowid');
    assert.deepEqual(rows, [
      { n: null, i: 42, f: 3.25, t: 'héllo wörld ✓ 🐦', b: blob, flag: 1, bt: 'blob' },
      { n: null, i: -7, f: -0.5, t: '', b: new Uint8Array(0), flag: 0, bt: 'blob' },
    ]);
    // Blobs come back as copies, not views on the wasm heap.
    assert.ok(rows[0].b instanceof Uint8Array);
    assert.equal(rows[0].b.byteOffset, 0);
    assert.equal(rows[0].b.buffer.byteLength, blob.length);
    db.close();
  });

  it('accepts ArrayBuffers and other views as blobs', async () => {
    const db = await Database.open();
    const bytes = [1, 2, 3, 4];
    const [row] = db.querySql('SELECT ? AS a, ? AS b, ? AS c', [
      new Uint8Array(bytes).buffer,
      new Uint16Array(new Uint8Array(bytes).buffer),
      Buffer.from(bytes),
    ]);
    for (const value of Object.values(row)) assert.deepEqual(value, new Uint8Array(bytes));
    db.close();
  });

  it('keeps integers exact: numbers within 2^53, BigInt beyond', async () => {
    const db = await Database.open();
    const [row] = db.querySql('SELECT ? AS max, ? AS big, ? AS small, 9223372036854775807 AS i64, ? AS whole', [
      Number.MAX_SAFE_INTEGER,
      2n ** 62n,
      -(2n ** 63n),
      3.0,
    ]);
    assert.deepEqual(row, {
      max: Number.MAX_SAFE_INTEGER,
      big: 2n ** 62n,
      small: -(2n ** 63n),
      i64: 9223372036854775807n,
      whole: 3,
    });
    assert.deepEqual(db.querySql('SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c', [1, 1.5, 2n ** 60n]), [
      { a: 'integer', b: 'real', c: 'integer' },
    ]);
    db.close();
  });

  it('returns rows as arrays with rowMode "array"', async () => {
    const db = await Database.open();
    assert.deepEqual(db.querySql('SELECT 1, 2 UNION ALL SELECT ?, ?', ['a', null], { rowMode: 'array' }), [
      [1, 2],
      ['a', null],
    ]);
    assert.deepEqual(db.querySql('SELECT 1 WHERE 0', [], { rowMode: 'array' }), []);
    db.close();
  });

  it('maps a "__proto__" column to a plain property', async () => {
    const db = await Database.open();
    const [row] = db.querySql('SELECT 1 AS "__proto__", 2 AS other');
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.deepEqual(Object.entries(row), [['__proto__', 1], ['other', 2]]);
    db.close();
  });

  it('applies pragmas on open, in order', async () => {
    const db = await Database.open(':memory:', { pragmas: { foreign_keys: 1, cache_size: -4000 } });
    assert.deepEqual(db.querySql('PRAGMA foreign_keys'), [{ foreign_keys: 1 }]);
    assert.deepEqual(db.querySql('PRAGMA cache_size'), [{ cache_size: -4000 }]);
    db.close();
    const other = await Database.open(':memory:', { pragmas: [['user_version', 7]] });
    assert.deepEqual(other.querySql('PRAGMA user_version'), [{ user_version: 7 }]);
    other.close();
  });

  it('keeps separate in-memory databases apart', async () => {
    const [a, b] = await Promise.all([Database.open(), Database.open()]);
    a.executeSql('CREATE TABLE t (x)');
    assert.deepEqual(b.querySql("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'"), [{ n: 0 }]);
    a.close();
    b.close();
  });

  // The module's SQLite OS layer keeps everything in memory (wasm/native/memory_only_vfs.cpp).
  it('keeps temporary tables and large sorts in memory, with real randomness and the clock', async () => {
    const db = await Database.open();
    db.executeSql('CREATE TEMP TABLE "scratch" ("n" INTEGER, "pad" TEXT)');
    db.executeSql(
      `WITH RECURSIVE "seq"("n") AS (SELECT 1 UNION ALL SELECT "n" + 1 FROM "seq" WHERE "n" < 20000)
       INSERT INTO "scratch" SELECT "n", hex(randomblob(64)) FROM "seq"`,
    );
    const [sorted] = db.querySql('SELECT count(*) AS "rows", max("pad") AS "top" FROM (SELECT * FROM "scratch" ORDER BY "pad")');
    assert.equal(sorted.rows, 20000);
    const [random] = db.querySql('SELECT count(DISTINCT "pad") AS "distinct" FROM "scratch"');
    assert.equal(random.distinct, 20000);
    const [clock] = db.querySql("SELECT CAST(strftime('%s', 'now') AS INTEGER) AS \"seconds\"");
    assert.ok(Math.abs(clock.seconds - Date.now() / 1000) < 60, `${clock.seconds}`);
    db.close();
  });

  it('close() is idempotent and later calls throw InterfaceError', async () => {
    const db = await Database.open();
    assert.equal(db.closed, false);
    db.close();
    db.close();
    assert.equal(db.closed, true);
    for (const call of [
      () => db.executeSql('SELECT 1'),
      () => db.querySql('SELECT 1'),
      () => db.queryCount,
      () => db.resetQueryCount(),
      () => db.onQuery(() => {}),
    ]) {
      assert.throws(call, { name: 'InterfaceError', message: 'Cannot operate on a closed database.' });
      assert.throws(call, InterfaceError);
    }
  });
});
