// The figures issue 5 asks for, each computed from this run's medians. A goal not met is
// reported (with the numbers), never turned into a failure: the benchmark is not a test.
const JS_KINDS = new Set(['wasm', 'native']);

export function evaluateGoals({ peers, workloads, coldStart, shipped, native }) {
  const self = 'peewasm';
  const goals = [];
  const medianOf = (w, name) => workloads[w]?.[name]?.median ?? null;
  const fastest = (w, kinds) => {
    let best = null;
    for (const p of peers) {
      if (!kinds.has(p.kind)) continue;
      const ms = medianOf(w, p.name);
      if (ms != null && (best == null || ms < best.ms)) best = { name: p.name, ms };
    }
    return best;
  };
  // goal: peewasm's time must be <= factor x the reference time.
  const compare = (label, w, ref, factor) => {
    const mine = medianOf(w, self);
    if (mine == null || ref == null) {
      goals.push({ goal: label, met: null, detail: 'not measured in this run' });
      return;
    }
    const ratio = ref.ms / mine;
    goals.push({
      goal: label,
      met: mine <= factor * ref.ms,
      detail: `peewasm ${mine.toFixed(2)} ms vs ${ref.name} ${ref.ms.toFixed(2)} ms (${ratio.toFixed(2)}x)`,
    });
  };

  for (const w of Object.keys(workloads)) {
    const peewee = medianOf(w, 'Peewee');
    const mine = medianOf(w, self);
    if (peewee == null || mine == null) {
      goals.push({ goal: `${w}: at least 10x faster than Peewee`, met: null, detail: 'not measured in this run' });
    } else {
      goals.push({ goal: `${w}: at least 10x faster than Peewee`, met: peewee >= 10 * mine,
        detail: `Peewee ${peewee.toFixed(2)} ms / peewasm ${mine.toFixed(2)} ms = ${(peewee / mine).toFixed(1)}x` });
    }
  }
  for (const w of ['W2', 'W3', 'W6', 'W7']) compare(`${w}: no slower than the fastest JS peer`, w, fastest(w, JS_KINDS), 1);
  const bsql = medianOf('W5', 'better-sqlite3');
  compare('W5: within 2x of better-sqlite3', 'W5', bsql == null ? null : { name: 'better-sqlite3', ms: bsql }, 2);
  compare('W4: no slower than the fastest wasm peer', 'W4', fastest('W4', new Set(['wasm'])), 1);
  compare('W1: within 1.2x of the fastest wasm peer', 'W1', fastest('W1', new Set(['wasm'])), 1.2);

  const cold = Object.fromEntries(coldStart.map((c) => [c.peer, c.ms]));
  goals.push(cold[self] != null && cold['sql.js'] != null
    ? { goal: 'cold start no slower than sql.js', met: cold[self] <= cold['sql.js'],
        detail: `peewasm ${cold[self].toFixed(1)} ms vs sql.js ${cold['sql.js'].toFixed(1)} ms` }
    : { goal: 'cold start no slower than sql.js', met: null, detail: 'not measured in this run' });

  const size = shipped[self];
  goals.push(size
    ? { goal: 'shipped JS+wasm at most 400 KiB gzipped', met: size.gzipKiB <= 400, detail: `${size.gzipKiB.toFixed(1)} KiB gzip (${size.rawKiB.toFixed(1)} KiB raw)` }
    : { goal: 'shipped JS+wasm at most 400 KiB gzipped', met: null, detail: 'peewasm is not built (npm run build)' });

  for (const w of ['W2', 'W3']) {
    const core = native?.workloads?.[w]?.core;
    const raw = native?.workloads?.[w]?.raw;
    goals.push(core != null && raw != null
      ? { goal: `native ${w}: C++ core within 2x of the raw C API`, met: core <= 2 * raw,
          detail: `core ${core.toFixed(2)} ms vs raw ${raw.toFixed(2)} ms (${(core / raw).toFixed(2)}x)` }
      : { goal: `native ${w}: C++ core within 2x of the raw C API`, met: null, detail: 'native bench not run' });
  }
  return goals;
}
