// The benchmark runs once on tiny data (bench/run.js --smoke): every present peer and the
// native bench give the expected answer to every workload. Timings are not checked.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('npm run bench works end to end on smoke data', { timeout: 600_000 }, () => {
  const json = join(mkdtempSync(join(tmpdir(), 'peewasm-bench-')), 'results.json');
  // Throws (failing the test) when a checksum is wrong: run.js exits 1.
  execFileSync(process.execPath, ['--expose-gc', 'bench/run.js', '--smoke', '--json', json], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const results = JSON.parse(readFileSync(json, 'utf8'));

  const names = results.peers.map((p) => p.name);
  for (const always of ['sqlite-wasm', 'sql.js', 'drizzle']) assert.ok(names.includes(always), `${always} ran`);
  for (const [workload, byPeer] of Object.entries(results.workloads)) {
    for (const [peer, cell] of Object.entries(byPeer)) {
      assert.equal(cell.checksum, results.expected[workload], `${peer} ${workload}`);
      assert.equal(cell.samples.length, 1);
    }
  }
  assert.equal(results.workloads.W5['sql.js'].queries, results.size.lazyLoads + 1, 'N+1 counts its queries');
  assert.deepEqual(results.coldStart.map((c) => c.first), names.map(() => 'huey'));
  for (const [workload, r] of Object.entries(results.native.workloads)) {
    assert.equal(r.core_checksum, results.expected[workload], `native core ${workload}`);
  }
  assert.ok(results.goals.length > 0);
});
