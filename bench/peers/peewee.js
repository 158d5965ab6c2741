// Peewee (Debian's python3-peewee) in a Python subprocess: the workloads are in
// peewee_peer.py; this side sends the data, asks for one workload at a time and reads the
// time Python measured. Absent when Debian's python3 has no peewee.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// Debian's interpreter, not whichever python3 is first on PATH: python3-peewee lives there.
export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./peewee_peer.py', import.meta.url));

const probe = spawnSync(PYTHON, ['-c', 'import peewee; print(peewee.__version__)'], { encoding: 'utf8' });
const version = probe.status === 0 ? probe.stdout.trim() : null;

export default {
  name: 'Peewee',
  kind: 'python',
  version,
  absentBecause: version ? null : 'python3-peewee is not installed (scripts/ensure-system-deps.sh bench)',
  coldStartCommand: [PYTHON, SCRIPT, '--cold-start'],
  async open(data) {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const reply = async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error(`the Peewee subprocess ended early (exit code ${child.exitCode})`);
      return JSON.parse(value);
    };
    child.stdin.write(`${JSON.stringify(data)}\n`);
    await reply();
    const run = async (name) => {
      child.stdin.write(`${JSON.stringify({ run: name })}\n`);
      return reply();
    };
    const session = { close: () => child.stdin.end() };
    for (const name of ['W1', 'W1b', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7']) session[name] = () => run(name);
    return session;
  },
};
