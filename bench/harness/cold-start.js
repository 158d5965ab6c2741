// Cold start: a fresh process, from spawn to the first query's result on its stdout
// (runtime start, library load, wasm compile, open, DDL, one insert, one select).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const CHILD = fileURLToPath(new URL('./cold-start-child.js', import.meta.url));

function timeOnce([command, ...args]) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, first: JSON.parse(out).first });
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`${command} ${args.join(' ')} exited ${code} before a result`));
    });
  });
}

// peers: [{ name, file, coldStartCommand? }]; interleaved, `times` runs each.
export async function measureColdStarts(peers, times) {
  const samples = new Map(peers.map((p) => [p.name, []]));
  const answers = new Map();
  for (let i = 0; i < times; i++) {
    for (const peer of peers) {
      const command = peer.coldStartCommand ?? [process.execPath, CHILD, peer.file];
      const { ms, first } = await timeOnce(command);
      samples.get(peer.name).push(ms);
      answers.set(peer.name, first);
    }
  }
  return peers.map((p) => ({ peer: p.name, ms: median(samples.get(p.name)), samples: samples.get(p.name), first: answers.get(p.name) }));
}
