// Nothing leaks across the boundary: 100k mixed calls keep the wasm heap flat, and a Database
// dropped without close() is released by the FinalizationRegistry safety net.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import {
  CharField,
  Database,
  DoesNotExist,
  ForeignKeyField,
  IntegerField,
  IntegrityError,
  JOIN,
  Load,
  Model,
  OperationalError,
  TextField,
  fn,
} from 'peewasm';

const CALLS = 100_000;

function mixedCall(db, i) {
  const key = i % 100;
  switch (i % 10) {
    case 0:
      return db.executeSql('INSERT OR REPLACE INTO t (id, name, score, data) VALUES (?, ?, ?, ?)', [
        key,
        `name ${i} ✓`,
        i / 7,
        new Uint8Array(32).fill(i & 0xff),
      ]);
    case 1:
      return db.querySql('SELECT * FROM t WHERE id = ?', [key]);
    case 2:
      return db.querySql('SELECT id, name FROM t WHERE id BETWEEN ? AND ? ORDER BY id', [key, key + 20], {
        rowMode: 'array',
      });
    case 3:
      return db.executeSql('UPDATE t SET score = score + ?, flag = ? WHERE id = ?', [1.5, i % 2 === 0, key]);
    case 4:
      try {
        db.executeSql('INSERT INTO t (id, name) VALUES (?, ?)', [key, 'dup']);
      } catch (error) {
        if (!(error instanceof IntegrityError)) throw error;
      }
      return undefined;
    case 5:
      try {
        db.querySql('SELEC oops');
      } catch (error) {
        if (!(error instanceof OperationalError)) throw error;
      }
      return undefined;
    case 6:
      return db.querySql('SELECT count(*) AS n, sum(score) AS s, ? AS big FROM t', [2n ** 60n + BigInt(i)]);
    case 7:
      return db.querySql('SELECT ? AS a, ? AS b, ? AS c, ? AS d', [null, 'x'.repeat(100), -i, undefined]);
    case 8:
      return db.executeSql('DELETE FROM t WHERE id = ?', [(key + 50) % 100]);
    default:
      return db.queryCount;
  }
}

describe('memory', () => {
  it(`keeps the wasm heap flat over ${CALLS} mixed calls`, async (t) => {
    const db = await Database.open();
    db.executeSql('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB, flag)');
    const events = [];
    const off = db.onQuery((event) => {
      if (events.length < 10) events.push(event);
    });

    // Warm up: SQLite's page cache and the statement cache reach their working size.
    for (let i = 0; i < 5_000; i++) mixedCall(db, i);
    const before = db.memoryUsage();
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) {
      if (i === CALLS / 2) off(); // half with the query log on, half off
      mixedCall(db, i);
    }
    const elapsed = performance.now() - started;
    const afterCalls = db.memoryUsage();
    db.close();
    const afterClose = db.memoryUsage();

    t.diagnostic(
      `${CALLS} calls in ${elapsed.toFixed(0)} ms; heap ${before.heapBytes} -> ${afterCalls.heapBytes} bytes; ` +
        `allocated ${before.allocatedBytes} -> ${afterCalls.allocatedBytes} bytes ` +
        `(${afterClose.allocatedBytes} after close)`,
    );
    assert.equal(afterCalls.heapBytes, before.heapBytes, 'the wasm memory did not grow');
    assert.ok(
      afterCalls.allocatedBytes - before.allocatedBytes < 16 * 1024,
      `allocated bytes grew by ${afterCalls.allocatedBytes - before.allocatedBytes}`,
    );
    assert.ok(afterClose.allocatedBytes < before.allocatedBytes, 'close() frees the connection');
  });

  it(`keeps the wasm heap flat over ${CALLS} mixed ORM queries`, async (t) => {
    const db = await Database.open();
    class Author extends Model {
      static meta = { database: db };
      static fields = { name: new CharField({ unique: true }), score: new IntegerField({ default: 0 }) };
    }
    class Post extends Model {
      static meta = { database: db };
      static fields = { title: new TextField(), author: new ForeignKeyField(Author, { backref: 'posts' }) };
    }
    db.createTables([Author, Post]);
    for (let i = 0; i < 50; i++) {
      const author = Author.create({ name: `author ${i}` });
      for (let k = 0; k < 3; k++) Post.create({ author, title: `post ${i}.${k} ✓` });
    }
    const call = (i) => {
      const key = (i % 50) + 1;
      switch (i % 12) {
        case 0:
          return [...Post.select(Post, Author).join(Author).where(Author.id.eq(key))].map((p) => p.author.name);
        case 1:
          return Author.getById(key).name;
        case 2:
          return Author.update({ score: Author.score.add(1) }).where(Author.id.eq(key)).execute();
        case 3:
          try {
            Author.create({ name: `author ${key - 1}` });
          } catch (error) {
            if (!(error instanceof IntegrityError)) throw error;
          }
          return undefined;
        case 4:
          try {
            Author.get(Author.name.eq('nobody'));
          } catch (error) {
            if (!(error instanceof DoesNotExist)) throw error;
          }
          return undefined;
        case 5:
          return Author.select(Author.name, fn.COUNT(Post.id).alias('n'))
            .join(Post, JOIN.LEFT_OUTER)
            .groupBy(Author.name)
            .limit(5)
            .dicts()
            .execute();
        case 6: {
          const post = Post.create({ author: key, title: 'x'.repeat(100) });
          return post.deleteInstance();
        }
        case 7:
          return Post.select().where(Post.title.contains('1.')).count();
        case 8:
          return [...Author.select().where(Author.id.le(3)).withRelated(new Load(Author.posts))].map((a) => a.posts.length);
        case 9:
          return Post.select().where(Post.author.in([key, key + 1])).orderBy(Post.id.desc()).sql();
        case 10:
          try {
            db.atomic(() => {
              Post.create({ author: key, title: 'rolled back' });
              throw new Error('roll back');
            });
          } catch (error) {
            if (error.message !== 'roll back') throw error;
          }
          return undefined;
        default:
          return Post.select().where(Post.id.eq(key)).first()?.author.name;
      }
    };
    for (let i = 0; i < 5_000; i++) call(i);
    const before = db.memoryUsage();
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) call(i);
    const elapsed = performance.now() - started;
    const after = db.memoryUsage();
    db.close();
    t.diagnostic(
      `${CALLS} ORM queries in ${elapsed.toFixed(0)} ms; heap ${before.heapBytes} -> ${after.heapBytes} bytes; ` +
        `allocated ${before.allocatedBytes} -> ${after.allocatedBytes} bytes`,
    );
    assert.equal(after.heapBytes, before.heapBytes, 'the wasm memory did not grow');
    assert.ok(
      after.allocatedBytes - before.allocatedBytes < 16 * 1024,
      `allocated bytes grew by ${after.allocatedBytes - before.allocatedBytes}`,
    );
  });

  it('releases a Database dropped without close() once it is garbage collected', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc');
    const probe = await Database.open();
    const baseline = probe.memoryUsage().allocatedBytes;

    await (async () => {
      for (let i = 0; i < 20; i++) {
        const db = await Database.open();
        db.executeSql('CREATE TABLE t (x)');
        db.executeSql('INSERT INTO t VALUES (?)', ['x'.repeat(10_000)]);
      }
    })();
    const leaked = probe.memoryUsage().allocatedBytes;
    assert.ok(leaked > baseline + 20 * 10_000, 'the dropped databases hold memory until collected');

    for (let round = 0; round < 20 && probe.memoryUsage().allocatedBytes > baseline + 4096; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(
      probe.memoryUsage().allocatedBytes <= baseline + 4096,
      `allocated ${probe.memoryUsage().allocatedBytes} bytes, baseline ${baseline}`,
    );
    probe.close();
  });
});
