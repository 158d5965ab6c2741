// Runs every workload on every peer, round after round, interleaved (the machine is noisy:
// a peer measured in one burst would take the noise of that moment). The order of peers
// rotates each round. Every answer is checked against the expected checksum.
import { performance } from 'node:perf_hooks';
import { WORKLOADS } from './workloads.js';

const collectGarbage = globalThis.gc ?? (() => {});

export async function measureWorkloads(sessions, expected, { rounds, warmup, log }) {
  const results = {};
  for (const { id } of WORKLOADS) {
    results[id] = Object.fromEntries(sessions.map(({ peer }) => [peer.name, { samples: [], checksum: null, queries: null, ok: true }]));
  }
  for (let round = -warmup; round < rounds; round++) {
    for (const { id } of WORKLOADS) {
      for (let k = 0; k < sessions.length; k++) {
        const { peer, session } = sessions[(k + round + warmup) % sessions.length];
        collectGarbage();
        const start = performance.now();
        const answer = await session[id]();
        const elapsed = performance.now() - start;
        const cell = results[id][peer.name];
        cell.checksum = answer.checksum;
        cell.queries = answer.queries ?? null;
        if (answer.checksum !== expected[id]) {
          cell.ok = false;
          log(`  ${peer.name} ${id}: checksum ${answer.checksum}, expected ${expected[id]}`);
        }
        // A subprocess peer reports its own time, so the pipe is not counted.
        if (round >= 0) cell.samples.push(answer.ms ?? elapsed);
      }
    }
    log(`  round ${round < 0 ? 'warm-up' : round + 1} done`);
  }
  return results;
}
