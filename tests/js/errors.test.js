// Errors cross the wasm boundary as data and arrive as Error subclasses with the core's
// name, message and SQLite code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  Database,
  DatabaseError,
  DataError,
  DoesNotExist,
  ImproperlyConfigured,
  IntegrityError,
  InterfaceError,
  NotSupportedError,
  OperationalError,
  PeeweeError,
  ProgrammingError,
} from 'peewasm';

function expectError(fn, ErrorClass, message) {
  let caught;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught, `expected ${ErrorClass.name}`);
  assert.ok(caught instanceof ErrorClass, `${caught?.name}: ${caught?.message} is not a ${ErrorClass.name}`);
  assert.ok(caught instanceof PeeweeError);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, ErrorClass.name);
  assert.equal(caught.message, message);
  return caught;
}

describe('errors', () => {
  let db;
  before(async () => {
    db = await Database.open();
    db.executeSql('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT UNIQUE NOT NULL)');
    db.executeSql("INSERT INTO t (x) VALUES ('a')");
  });
  after(() => db.close());

  it('a UNIQUE violation is an IntegrityError with SQLite\'s extended code', () => {
    const error = expectError(
      () => db.executeSql('INSERT INTO t (x) VALUES (?)', ['a']),
      IntegrityError,
      'UNIQUE constraint failed: t.x',
    );
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.sqliteCode, 2067); // SQLITE_CONSTRAINT_UNIQUE
    assert.match(String(error), /^IntegrityError: UNIQUE constraint failed: t\.x$/);
  });

  it('a NOT NULL violation is an IntegrityError', () => {
    const error = expectError(
      () => db.executeSql('INSERT INTO t (x) VALUES (?)', [null]),
      IntegrityError,
      'NOT NULL constraint failed: t.x',
    );
    assert.equal(error.sqliteCode, 1299); // SQLITE_CONSTRAINT_NOTNULL
  });

  it('a syntax error is an OperationalError', () => {
    const error = expectError(() => db.querySql('SELEC 1'), OperationalError, 'near "SELEC": syntax error');
    assert.equal(error.sqliteCode, 1);
    assert.ok(error instanceof DatabaseError);
  });

  it('a missing table is an OperationalError', () => {
    expectError(() => db.querySql('SELECT * FROM nope'), OperationalError, 'no such table: nope');
  });

  it('a wrong number of parameters is a ProgrammingError', () => {
    const error = expectError(
      () => db.querySql('SELECT ?, ?', [1]),
      ProgrammingError,
      'Incorrect number of bindings supplied. The current statement uses 2, and there are 1 supplied.',
    );
    assert.equal(error.sqliteCode, undefined);
  });

  it('a value SQLite cannot hold is a DataError', () => {
    expectError(
      () => db.querySql('SELECT ?', [2n ** 64n]),
      DataError,
      'parameter 1: the bigint 18446744073709551616 is outside SQLite\'s 64-bit integer range',
    );
    expectError(
      () => db.querySql('SELECT ?, ?', [1, { not: 'bindable' }]),
      DataError,
      'parameter 2: cannot bind a value of type Object; use null, a number, a bigint, a string, a boolean, a Date or a Uint8Array',
    );
    const tooBig = expectError(() => db.querySql('SELECT zeroblob(2000000000)'), DataError, 'string or blob too big');
    assert.equal(tooBig.sqliteCode, 18); // SQLITE_TOOBIG
  });

  it('a closed database raises InterfaceError, which is not a DatabaseError (as in Peewee)', async () => {
    const closed = await Database.open();
    closed.close();
    const error = expectError(() => closed.querySql('SELECT 1'), InterfaceError, 'Cannot operate on a closed database.');
    assert.ok(!(error instanceof DatabaseError));
  });

  it('a failed open rejects with the typed error', async () => {
    // The module has no file system: every file path is refused, not only missing folders.
    for (const path of ['/no/such/dir/x.db', 'notes.db']) {
      await assert.rejects(Database.open(path), {
        name: 'OperationalError',
        message:
          `unable to open database file "${path}": peewasm keeps its databases in memory and has no files; ` +
          "open ':memory:' (the default) and fill it with your models or SQL",
        sqliteCode: 14, // SQLITE_CANTOPEN
      });
    }
    await assert.rejects(Database.open(':memory:', { pragmas: { foreign_keys: {} } }), {
      name: 'DataError',
      message:
        'pragma foreign_keys: cannot bind a value of type Object; use null, a number, a bigint, a string, a boolean, a Date or a Uint8Array',
    });
  });

  it('the database stays usable after each error', () => {
    assert.deepEqual(db.querySql('SELECT x FROM t'), [{ x: 'a' }]);
  });

  it('every class of the hierarchy is exported with its name and parent', () => {
    const hierarchy = [
      [PeeweeError, Error],
      [ImproperlyConfigured, PeeweeError],
      [DoesNotExist, PeeweeError],
      [InterfaceError, PeeweeError],
      [DatabaseError, PeeweeError],
      [IntegrityError, DatabaseError],
      [OperationalError, DatabaseError],
      [ProgrammingError, DatabaseError],
      [DataError, DatabaseError],
      [NotSupportedError, DatabaseError],
    ];
    for (const [ErrorClass, Parent] of hierarchy) {
      const error = new ErrorClass('boom', { sqliteCode: 5 });
      assert.equal(Object.getPrototypeOf(ErrorClass), Parent);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.message, 'boom');
      assert.equal(error.sqliteCode, 5);
      assert.equal(String(error), `${ErrorClass.name}: boom`);
      assert.deepEqual(Object.keys(new ErrorClass('plain')), []);
    }
  });
});
