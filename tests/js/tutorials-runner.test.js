// The run contract of tutorials/README.md, checked with the part of the package every
// lesson relies on (Database): setup then example, print, the lesson clock, statements and
// query count of the example only, errors reported, every database closed after the run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as peewasm from 'peewasm';

import { loadRunner } from './support/tutorial-runner.js';

const setup = [
  "const db = await Database.open(':memory:');",
  "db.executeSql('CREATE TABLE t (x TEXT)');\nprint('not shown');",
];

async function run(code, setupFiles = setup, hooks) {
  const { runExample } = await loadRunner();
  return runExample(peewasm, { setup: setupFiles, code }, hooks);
}

describe('runExample', () => {
  it('runs the example after the setup, and reports only what the example did', async () => {
    const result = await run(`
      db.executeSql('INSERT INTO t (x) VALUES (?)', ['huey']);
      for (const row of db.querySql('SELECT x FROM t')) print(row.x, 'says', 'meow');
    `);
    assert.deepEqual(result, {
      lines: ['huey says meow'],
      statements: [
        { sql: 'INSERT INTO t (x) VALUES (?)', params: ['huey'] },
        { sql: 'SELECT x FROM t', params: [] },
      ],
      setupStatements: [{ sql: 'CREATE TABLE t (x TEXT)', params: [] }],
      queryCount: 2,
      error: null,
    });
  });

  it('lets the example reuse names the setup declared', async () => {
    const result = await run("const db = 'shadowed'; print(db);");
    assert.deepEqual(result.lines, ['shadowed']);
  });

  it('prints values as JS literals, strings bare at the top level, one line per newline', async () => {
    const result = await run(
      "print(['a', 1, null], { title: 'A', 'two words': [true] }, 2.5, 'x\\ny');\nprint(new Date(2024, 0, 1, 0, 15), new Date(2024, 0, 1, 0, 0, 0, 250));",
    );
    assert.deepEqual(result.lines, [
      "['a', 1, null] { title: 'A', 'two words': [true] } 2.5 x",
      'y',
      '2024-01-01 00:15:00 2024-01-01 00:00:00.250000',
    ]);
  });

  it("streams the example's lines and statements to the hooks as they happen", async () => {
    const streamed = [];
    await run("print('one');\ndb.executeSql('SELECT 1');\nprint('two');", setup, {
      onLine: (line) => streamed.push(line),
      onStatement: ({ sql }) => streamed.push(sql),
    });
    assert.deepEqual(streamed, ['one', 'SELECT 1', 'two']);
  });

  it('gives now() as the lesson clock: one minute later at each call, from 2024-01-01', async () => {
    const result = await run('print(now(), now(), now());');
    assert.deepEqual(result.lines, ['2024-01-01 00:00:00 2024-01-01 00:01:00 2024-01-01 00:02:00']);
  });

  it('counts the queries of databases the example opens and closes itself', async () => {
    const result = await run(
      "const other = await Database.open(':memory:', { pragmas: { foreign_keys: 1 } });\n" +
        "print(other.querySql('PRAGMA foreign_keys', [], { rowMode: 'array' })[0][0]);\nother.close();",
    );
    assert.equal(result.error, null);
    assert.deepEqual(result.lines, ['1']);
    assert.equal(result.queryCount, 1);
    assert.deepEqual(result.statements, [{ sql: 'PRAGMA foreign_keys', params: [] }]);
  });

  it('reports what the example threw, with the lines printed before it', async () => {
    const result = await run("print('before');\ndb.executeSql('SELECT * FROM missing');");
    assert.deepEqual(result.lines, ['before']);
    assert.deepEqual(result.error, { name: 'OperationalError', message: 'no such table: missing', line: 2 });
    assert.equal(result.queryCount, 1);
  });

  it("names the example's line an error came from, also from inside the package", async () => {
    const thrown = await run("print('one');\n\nnull.x;");
    assert.deepEqual(thrown.error, { name: 'TypeError', message: "Cannot read properties of null (reading 'x')", line: 3 });
    const fromPackage = await run("const n = 1;\ndb.executeSql('SELECT * FROM missing');");
    assert.equal(fromPackage.error?.line, 2);
  });

  it('reports an error of the setup, and a syntax error of the code', async () => {
    const broken = await run("print('never');", ['throw new TypeError("setup broke");']);
    assert.deepEqual(broken.error, { name: 'TypeError', message: 'setup broke' });
    assert.deepEqual(broken.lines, []);
    const syntax = await run('for (;;');
    assert.equal(syntax.error?.name, 'SyntaxError');
  });

  it('closes every database the run opened', async () => {
    let opened;
    const { runExample } = await loadRunner();
    const spy = {
      ...peewasm,
      Database: {
        ready: () => peewasm.Database.ready(),
        async open(...args) {
          opened = await peewasm.Database.open(...args);
          return opened;
        },
      },
    };
    await runExample(spy, { setup, code: "print('done');" });
    assert.equal(opened.closed, true);
  });
});
