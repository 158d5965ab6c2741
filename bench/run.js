// npm run bench: times peewasm and its peers on the same data and workloads, in one run,
// prints medians with each peer's ratio to peewasm, and writes the results as JSON.
//   --smoke          tiny data, one round: checks that every peer and workload works
//   --rounds N       measured rounds (default 7, after one warm-up round)
//   --peers a,b      only these peers (names as printed)
//   --json FILE      where the JSON goes (default build/bench/results.json)
//   --no-native      skip the native C++ bench;  --no-cold-start  skip cold starts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureColdStarts } from './harness/cold-start.js';
import { makeData, SIZES } from './harness/data.js';
import { evaluateGoals } from './harness/goals.js';
import { measureWorkloads } from './harness/measure.js';
import { runNativeBench } from './harness/native.js';
import { formatReport } from './harness/report.js';
import { shippedSize } from './harness/size.js';
import { median } from './harness/stats.js';
import { expectedChecksums } from './harness/workloads.js';
import { loadPeers } from './peers/index.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    peers: { type: 'string' },
    json: { type: 'string', default: resolve(root, 'build/bench/results.json') },
    'no-native': { type: 'boolean', default: false },
    'no-cold-start': { type: 'boolean', default: false },
  },
});
const log = (line) => process.stderr.write(`${line}\n`);

const sizeName = args.smoke ? 'smoke' : 'full';
const size = SIZES[sizeName];
const rounds = args.rounds ? Number(args.rounds) : args.smoke ? 1 : 7;
const warmup = args.smoke ? 0 : 1;
const data = makeData(size);
const expected = expectedChecksums(data);

const wanted = args.peers?.split(',');
const absent = [];
const peers = [];
for (const peer of await loadPeers()) {
  if (wanted && !wanted.includes(peer.name)) continue;
  if (peer.absentBecause) absent.push({ name: peer.name, reason: peer.absentBecause });
  else peers.push(peer);
}

log(`opening ${peers.map((p) => p.name).join(', ')}`);
const sessions = [];
for (const peer of peers) sessions.push({ peer, session: await peer.open(data) });
const workloads = await measureWorkloads(sessions, expected, { rounds, warmup, log });
for (const { session } of sessions) await session.close();
for (const byPeer of Object.values(workloads)) {
  for (const cell of Object.values(byPeer)) cell.median = median(cell.samples);
}

const coldStart = args['no-cold-start'] ? [] : await measureColdStarts(peers, args.smoke ? 1 : 7);
const shipped = Object.fromEntries(peers.filter((p) => p.shipped).map((p) => [p.name, shippedSize(p.shipped)]));
const native = args['no-native'] ? null : runNativeBench({ root, smoke: args.smoke, log });

const results = {
  date: new Date().toISOString(),
  node: process.versions.node,
  sizeName,
  size,
  rounds,
  warmup,
  expected,
  peers: peers.map(({ name, kind, version }) => ({ name, kind, version })),
  absent,
  workloads,
  coldStart,
  shipped,
  native,
};
results.goals = evaluateGoals(results);

console.log(formatReport(results));
mkdirSync(dirname(args.json), { recursive: true });
writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
log(`\nresults: ${args.json}`);

// Wrong answers fail the run (the smoke test relies on it); slow figures never do.
const wrong = Object.entries(workloads).flatMap(([w, byPeer]) =>
  Object.entries(byPeer).filter(([, c]) => !c.ok).map(([name]) => `${name} ${w}`));
for (const [w, r] of Object.entries(native?.workloads ?? {})) {
  if (r.raw_checksum !== expected[w]) wrong.push(`native raw C ${w}`);
  if (r.core_checksum !== expected[w]) wrong.push(`native core ${w}`);
}
if (wrong.length) {
  log(`wrong checksums: ${wrong.join(', ')}`);
  process.exitCode = 1;
}
