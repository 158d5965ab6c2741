#!/usr/bin/env node
// Writes the expected results of every tutorial lesson from the oracle (../shared/oracle,
// what the real Peewee did with each seed example): expected.json always (SQL, params and
// query count), expected.txt and lesson.md only when missing, since both are edited by hand
// afterwards (expected.txt where Python and JS print a value differently; lesson.md prose).
// Usage: node scripts/tutorials-from-oracle.mjs [path/to/cases.json]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const casesPath = process.argv[2] ?? `${root}../shared/oracle/cases.json`;
const cases = JSON.parse(readFileSync(casesPath, 'utf8'));

// Each seed is one chapter; each oracle setup is a list of setup files of that chapter,
// run in order (later files build on the models and data of earlier ones).
const chapters = {
  '001': {
    dir: '01-relationships-and-joins',
    setups: {
      's001.models': ['models', 'test-data'],
      s001: ['models', 'test-data', 'data'],
      's001.relationship': ['models', 'test-data', 'data', 'relationship'],
      's001.activitylog': ['models', 'test-data', 'data', 'activity-log'],
      's001.lazy_load_false': ['models-lazy-load-false', 'test-data', 'data'],
      's001.no_backref': ['no-backref'],
      's001.category': ['category'],
    },
  },
  '000': {
    dir: '02-relationships-first-edition',
    setups: {
      's000.models': ['models'],
      s000: ['models', 'data'],
      's000.relationship': ['models', 'data', 'relationship'],
      's000.activitylog': ['models', 'data', 'activity-log'],
      's000.category': ['category'],
      's000.m2m_explicit': ['m2m-explicit'],
      's000.m2m_field': ['m2m-field'],
    },
  },
  '002': {
    dir: '03-relationships-in-an-app',
    setups: {
      's002.base': ['base'],
      s002: ['base', 'blog'],
      's002.on_delete': ['base', 'on-delete'],
      's002.on_delete_pragma_off': ['base-without-foreign-keys', 'on-delete'],
      's002.editor': ['base', 'editor'],
    },
  },
  '004': {
    dir: '04-example-app',
    setups: {
      's004.models': ['md5', 'models'],
      s004: ['md5', 'models', 'data'],
    },
  },
};

// The package applies opening pragmas when it opens the database and does not count them
// as queries (Peewee records `PRAGMA foreign_keys = 1;` once per connection).
const isOpeningPragma = (statement) => statement.kind === 'pragma';

const statements = (list) =>
  (list ?? []).filter((s) => !isOpeningPragma(s)).map((s) => ({ sql: s.sql, params: s.params }));

// Lines printed from the rows of a query without ORDER BY come in SQLite's plan order,
// which may change between SQLite versions: those are compared as multisets.
const outputOrder = (body) =>
  body.some((s) => /^\s*SELECT/i.test(s.sql) && !/ORDER BY/i.test(s.sql)) ? 'any' : 'exact';

const slug = (id) => id.split('.').slice(1).join('-').replaceAll('_', '-');

const counters = {};
for (const c of cases) {
  const chapter = chapters[c.seed];
  if (!chapter) continue;
  counters[c.seed] = (counters[c.seed] ?? 0) + 1;
  const number = String(counters[c.seed]).padStart(2, '0');
  const dir = `${root}tutorials/${chapter.dir}/${number}-${slug(c.id)}`;
  mkdirSync(dir, { recursive: true });

  const setup = c.setup_id ? chapter.setups[c.setup_id] : [];
  if (!setup) throw new Error(`${c.id}: no setup files for oracle setup ${c.setup_id}`);
  const body = statements(c.executed.body);
  const dropped = (c.executed.body ?? []).length - body.length;
  const expected = {
    case: c.id,
    seed: c.seed_file,
    section: c.section,
    setup,
    queryCount: c.query_count - dropped,
    outputOrder: outputOrder(body),
    statements: body,
    setupStatements: statements(c.executed.setup),
  };
  writeFileSync(`${dir}/expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
  if (!existsSync(`${dir}/expected.txt`)) {
    writeFileSync(`${dir}/expected.txt`, c.output.map((line) => `${line}\n`).join(''));
  }
  if (!existsSync(`${dir}/lesson.md`)) {
    const title = c.section.split(' > ').at(-1);
    writeFileSync(`${dir}/lesson.md`, `---\ntitle: ${title}\nseed: ${c.seed_file} (${c.section})\n---\n\n`);
  }
}
