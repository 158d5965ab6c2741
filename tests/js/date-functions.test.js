// The SQL functions every Database registers (Peewee's SqliteDatabase does the same), run in
// the wasm build: date_part() and date_trunc(), which date-part expressions compile to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Database, OperationalError } from 'peewasm';

describe('date functions', () => {
  it('date_part reads a part of SQLite date text, date_trunc zeroes what is below a part', async () => {
    const db = await Database.open();
    const sql = "SELECT date_part('day', ?) AS day, date_part('hour', ?) AS hour, date_trunc('month', ?) AS month";
    const at = '2024-01-17 09:30:00';
    assert.deepEqual(db.querySql(sql, [at, at, at]), [{ day: 17, hour: 9, month: '2024-01-01 00:00:00' }]);
    assert.deepEqual(db.querySql("SELECT date_part('year', NULL) AS y"), [{ y: null }]);
    assert.throws(() => db.querySql("SELECT date_part('week', '2024-01-17')"), (error) => {
      assert.ok(error instanceof OperationalError);
      assert.equal(error.message, "date_part(): unknown part 'week'; use year, month, day, hour, minute or second");
      return true;
    });
    db.close();
  });
});
