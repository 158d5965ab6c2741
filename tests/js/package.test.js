// The package as users get it: the exports map, the wasm asset and the shipped types.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = new URL('../../', import.meta.url);

describe('package', () => {
  it('resolves the Node entry, the wasm asset and the manifest through "exports"', () => {
    assert.equal(import.meta.resolve('peewasm'), new URL('dist/node.js', root).href);
    const wasm = fileURLToPath(import.meta.resolve('peewasm/peewasm.wasm'));
    assert.deepEqual([...readFileSync(wasm).subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
    assert.ok(existsSync(fileURLToPath(import.meta.resolve('peewasm/package.json'))));
  });

  it('exports the same public names from the Node and the browser entries', async () => {
    const node = await import('peewasm');
    const source = readFileSync(new URL('dist/index.js', root), 'utf8');
    // The pattern bundlers follow to the wasm (minified: either quote, no space).
    assert.match(source, /new URL\((['"])\.\/peewasm\.wasm\1, ?import\.meta\.url\)/);
    assert.ok('Database' in node && 'IntegrityError' in node);
    assert.ok(!Object.keys(node).some((name) => /native|runtime|handle/i.test(name)), Object.keys(node).join());
  });

  it('ships types a strict TypeScript consumer compiles against', async () => {
    const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', root));
    const project = fileURLToPath(new URL('fixtures/consumer/tsconfig.json', import.meta.url));
    try {
      await promisify(execFile)(process.execPath, [tsc, '-p', project]);
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  });
});

describe('Database.ready()', () => {
  // A fresh process: in this one another test may already have loaded the module.
  const inFreshProcess = (source) =>
    promisify(execFile)(process.execPath, ['--input-type=module', '-e', source], { cwd: fileURLToPath(root) });

  it('loads the module, so sql() of a model bound to no database compiles before any open()', async () => {
    const { stdout } = await inFreshProcess(`
      import { Database, Model, TextField } from 'peewasm';
      class Note extends Model { static fields = { text: new TextField() }; }
      const query = Note.select().where(Note.text.eq('hi'));
      try { query.sql(); } catch (error) { console.log(error.name + ': ' + error.message); }
      await Database.ready();
      console.log(JSON.stringify(query.sql()));
    `);
    assert.equal(
      stdout,
      'InterfaceError: Note has no database and the wasm module has not loaded yet: ' +
        'await Database.ready() (or Database.open()) before calling sql()\n' +
        '["SELECT \\"t1\\".\\"id\\", \\"t1\\".\\"text\\" FROM \\"note\\" AS \\"t1\\" WHERE (\\"t1\\".\\"text\\" = ?)",["hi"]]\n',
    );
  });
});
