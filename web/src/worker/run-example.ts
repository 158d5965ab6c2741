// Runs one lesson example and reports what it did. DOM-free: the playground's Web Worker
// and tests/js/tutorials.test.js both use it, with the package entry of their platform.
//
// The run contract (tutorials/README.md): the lesson's setup files, then the example, run
// as the body of one async function, with every export of the package in scope plus
// print(...values) and now() (the lesson clock). The example runs in its own block after
// the setup, so it may reuse the setup's names. Statements, printed lines and the query
// count are those of the example only; every database the run opened is closed at the end.
import { formatLine } from './format-value.js';

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface RunError {
  name: string;
  message: string;
  /** The example's line the error came from (1-based), when it came from the example. */
  line?: number;
}

export interface RunResult {
  /** Lines the example printed. */
  lines: string[];
  /** Statements the example ran, in order. */
  statements: Statement[];
  /** Statements the setup ran. */
  setupStatements: Statement[];
  /** Queries the example ran, by the databases' own counters. */
  queryCount: number;
  /** What the setup or the example threw, if it did. */
  error: RunError | null;
}

export interface ExampleSource {
  /** Setup files, run in order before the example. */
  setup: readonly string[];
  /** The example's code. */
  code: string;
}

export interface RunHooks {
  /** Called with each printed line as it is printed (the playground streams output). */
  onLine?: (line: string) => void;
  /** Called with each statement of the example as it runs. */
  onStatement?: (statement: Statement) => void;
}

/** The package's exports, as `import * as peewasm from 'peewasm'` gives them. */
export type PackageExports = Readonly<Record<string, unknown>>;

interface QueryEvent {
  sql: string;
  params: unknown[];
}

/** The part of the package's Database the runner relies on. */
interface TrackedDatabase {
  queryCount: number;
  closed: boolean;
  close(): void;
  onQuery(listener: (event: QueryEvent) => void): () => void;
}

interface DatabaseClass {
  open(...args: unknown[]): Promise<TrackedDatabase>;
  ready(): Promise<void>;
}

/**
 * The fixed lesson clock: the k-th call returns 2024-01-01 00:00 plus k minutes, in local
 * time (the package stores Dates as local time text, as Peewee stores naive datetimes).
 */
export function lessonClock(): () => Date {
  let calls = 0;
  return () => new Date(2024, 0, 1, 0, calls++);
}

const beginMarker = '__peewasmBeginExample';
const identifier = /^[A-Za-z_$][\w$]*$/;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/**
 * The setup and the example as one async function of the given scope names; throws the
 * SyntaxError of code that does not parse.
 */
export function compileExample(source: ExampleSource, names: readonly string[]): (...values: unknown[]) => Promise<void> {
  return new AsyncFunction(...names, `${source.setup.join('\n')}\n${beginMarker}();\n{\n${source.code}\n}\n`);
}

export async function runExample(
  peewasm: PackageExports,
  source: ExampleSource,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const lines: string[] = [];
  const setupStatements: Statement[] = [];
  const statements: Statement[] = [];
  let phase = setupStatements;
  const databases = new Map<TrackedDatabase, { start: number; end?: number }>();

  const Database = peewasm.Database as DatabaseClass;
  // A lesson may compile a query before it opens a database (Peewee compiles an unbound
  // model's query), which needs the module loaded.
  await Database.ready();
  const trackedDatabase = new Proxy(Database, {
    get(target, property, receiver) {
      if (property !== 'open') return Reflect.get(target, property, receiver);
      return async (...args: unknown[]) => {
        const db = await target.open(...args);
        track(db);
        return db;
      };
    },
  });

  function track(db: TrackedDatabase): void {
    const counts: { start: number; end?: number } = { start: phase === statements ? db.queryCount : 0 };
    databases.set(db, counts);
    db.onQuery(({ sql, params }) => {
      const statement = { sql, params: [...params] };
      phase.push(statement);
      if (phase === statements) hooks.onStatement?.(statement);
    });
    // A closed database cannot report its counter: keep the last value it had.
    const close = db.close.bind(db);
    db.close = () => {
      if (!db.closed) counts.end = db.queryCount;
      close();
    };
  }

  const scope: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(peewasm).filter(([name]) => identifier.test(name))),
    Database: trackedDatabase,
    // What the setup prints is not part of the example's output. Text with newlines is
    // several lines, as on a terminal.
    print: (...values: unknown[]) => {
      if (phase !== statements) return;
      for (const line of formatLine(values).split('\n')) {
        lines.push(line);
        hooks.onLine?.(line);
      }
    },
    now: lessonClock(),
    [beginMarker]: () => {
      phase = statements;
      for (const [db, counts] of databases) counts.start = db.closed ? counts.end ?? 0 : db.queryCount;
    },
  };
  const names = Object.keys(scope);

  let error: RunError | null = null;
  try {
    const run = compileExample(source, names);
    await run(...names.map((name) => scope[name]));
  } catch (thrown) {
    error = describeError(thrown, source);
  }

  let queryCount = 0;
  for (const [db, counts] of databases) {
    const end = db.closed ? counts.end ?? counts.start : db.queryCount;
    queryCount += end - counts.start;
    db.close();
  }
  return { lines, statements, setupStatements, queryCount, error };
}

// new AsyncFunction(...) puts the parameters on the first line and `) {` on the second, then
// the body: the setup, the begin marker, `{`, and the example.
const headerLines = 2;

function describeError(thrown: unknown, source: ExampleSource): RunError {
  if (!(thrown instanceof Error)) return { name: 'Error', message: String(thrown) };
  const error: RunError = { name: thrown.name, message: thrown.message };
  const frame = /<anonymous>:(\d+):\d+/.exec(thrown.stack ?? '');
  if (frame) {
    const setupLines = source.setup.join('\n').split('\n').length;
    const line = Number(frame[1]) - headerLines - setupLines - 2;
    if (line >= 1 && line <= source.code.split('\n').length) error.line = line;
  }
  return error;
}
