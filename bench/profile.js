// node bench/profile.js W2 [peer] [rounds]: runs one workload of one peer (default peewasm)
// on the full data under the V8 sampling profiler, then prints the functions with the most
// self time. For finding where a workload's time goes; the figures themselves come from run.js.
import { Session } from 'node:inspector/promises';
import { makeData, SIZES } from './harness/data.js';
import { loadPeers } from './peers/index.js';

const [workload = 'W2', peerName = 'peewasm', rounds = '20'] = process.argv.slice(2);
const peer = (await loadPeers()).find((p) => p.name === peerName);
if (!peer) throw new Error(`no peer named ${peerName}`);
const session = await peer.open(makeData(SIZES.full));
await session[workload]();  // warm up: JIT, statement caches

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.start');
for (let i = 0; i < Number(rounds); i++) await session[workload]();
const { profile } = await inspector.post('Profiler.stop');
await session.close();

const selfTime = new Map();
const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000;  // ms per sample
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const id of profile.samples) {
  const { callFrame } = byId.get(id);
  const where = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`;
  selfTime.set(where, (selfTime.get(where) ?? 0) + interval);
}
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
console.log(`${peerName} ${workload} x${rounds}: ${total.toFixed(1)} ms sampled`);
for (const [where, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(1).padStart(8)} ms  ${where}`);
}
