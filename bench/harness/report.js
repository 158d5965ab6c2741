// The printed report: medians per workload and peer with each peer's ratio to peewasm,
// cold start, shipped size, the native comparison and the goals.
import { WORKLOADS } from './workloads.js';

const pad = (text, width) => String(text).padStart(width);
const padEnd = (text, width) => String(text).padEnd(width);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : pad(c, widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// "12.34 (2.1x)": the peer's median and how many times peewasm's median it is.
function cell(ms, base, note = '') {
  if (ms == null) return '-';
  const ratio = base == null ? '' : ` (${(ms / base).toFixed(2)}x)`;
  return `${ms.toFixed(2)}${ratio}${note}`;
}

export function formatReport(results) {
  const { peers, workloads, coldStart, shipped, native, goals, absent } = results;
  const out = [];
  out.push(`peewasm benchmark: ${results.sizeName} data (${results.size.users} users, ${results.size.tweets} tweets, ` +
    `${results.size.favorites} favorites), ${results.rounds} rounds after ${results.warmup} warm-up, medians in ms, Node ${results.node}`);
  out.push('(x) = the peer\'s time / peewasm\'s time: above 1 means peewasm is faster. ! = wrong checksum.');
  out.push('');
  const header = ['workload', ...peers.map((p) => p.name)];
  const rows = WORKLOADS.map(({ id }) => {
    const base = workloads[id]?.peewasm?.median ?? null;
    return [id, ...peers.map((p) => {
      const c = workloads[id][p.name];
      const queries = id === 'W5' && c.queries != null ? ` [${c.queries} q]` : '';
      return cell(c.median, p.name === 'peewasm' ? null : base, `${queries}${c.ok ? '' : ' !'}`);
    })];
  });
  out.push(table(header, rows));
  out.push('');
  for (const { id, title } of WORKLOADS) out.push(`${id}: ${title}; checksum ${results.expected[id]}`);
  out.push('');
  out.push('peers: ' + peers.map((p) => `${p.name} ${p.version ?? ''} (${p.kind})`).join(', '));
  for (const { name, reason } of absent) out.push(`absent: ${name}: ${reason}`);

  if (coldStart.length) {
    out.push('');
    const base = coldStart.find((c) => c.peer === 'peewasm')?.ms ?? null;
    out.push(table(['cold start (spawn to first result)', 'median ms'],
      coldStart.map((c) => [c.peer, cell(c.ms, c.peer === 'peewasm' ? null : base)])));
  }
  const sizes = Object.entries(shipped);
  if (sizes.length) {
    out.push('');
    out.push(table(['shipped JS + wasm', 'files', 'raw KiB', 'gzip KiB'],
      sizes.map(([name, s]) => [name, s.files, s.rawKiB.toFixed(1), s.gzipKiB.toFixed(1)])));
  }
  if (native) {
    out.push('');
    out.push(`native (C++ core vs the raw SQLite C API, same amalgamation, ${native.build}, medians of ${native.clock}):`);
    out.push(table(['workload', 'raw C ms', 'core ms', 'core/raw'],
      Object.entries(native.workloads).map(([w, r]) => [w, r.raw.toFixed(2), r.core.toFixed(2), `${(r.core / r.raw).toFixed(2)}x`])));
  }
  out.push('');
  out.push('goals:');
  for (const g of goals) out.push(`  [${g.met == null ? '  ?  ' : g.met ? ' met ' : ' MISS'}] ${g.goal}: ${g.detail}`);
  return out.join('\n');
}
