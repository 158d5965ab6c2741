// Database: one SQLite connection inside the wasm module. `await Database.open()` is the
// only asynchronous call (it loads the module the first time); everything after is
// synchronous, like Peewee.
import { DataError, InterfaceError, OperationalError } from './errors.js';
import { NativeHandle } from './handles.js';
import { loadedRuntime, loadRuntime, unwrap } from './runtime.js';
import { provideCompilerSession, Session, sessionOf } from './session.js';
import type { Transaction } from './transaction.js';
import { toNativeValue, type SqlParam, type SqlValue } from './values.js';
import { bindDatabase, databaseOf, metaOf, type ModelClass } from './model.js';
import type { NativeDatabase, NativeModule, NativeQueryEvent, NativeResult, NativeValue } from './native.js';

export type { SqlParam, SqlValue } from './values.js';

export type Row = Record<string, SqlValue>;

export interface OpenOptions {
  /** Applied in order after opening, e.g. `{ foreign_keys: 1, journal_mode: 'memory' }`. */
  pragmas?: Record<string, SqlParam> | ReadonlyArray<readonly [string, SqlParam]>;
}

export interface ExecuteResult {
  /** Rows inserted, updated or deleted by the statement. */
  rowsChanged: number;
  /** The connection's last inserted rowid (after any INSERT so far). */
  lastInsertRowid: number | bigint;
}

export interface QueryOptions {
  /** 'object' (default): one object per row keyed by column name; 'array': arrays. */
  rowMode?: 'object' | 'array';
}

/** One statement the database ran, as onQuery listeners receive it. */
export interface QueryEvent {
  sql: string;
  params: SqlValue[];
  durationMs: number;
  /** Rows returned (SELECT) or changed (INSERT/UPDATE/DELETE). */
  rows: number | bigint;
  /** SQLite reported an error for this statement. */
  failed: boolean;
}

export type QueryListener = (event: QueryEvent) => void;

/** Memory of the wasm module (shared by every Database in this JS realm). */
export interface MemoryUsage {
  /** Size of the wasm linear memory; it only grows. */
  heapBytes: number;
  /** Bytes malloc has handed out and not freed. */
  allocatedBytes: number;
  /** Bytes malloc holds free inside the heap. */
  freeBytes: number;
}

const closedMessage = 'Cannot operate on a closed database.';

export class Database {
  /** The path given to open() (':memory:' for an in-memory database). */
  readonly path: string;
  readonly #runtime: NativeModule;
  readonly #handle: NativeHandle<NativeDatabase>;
  readonly #listeners = new Set<QueryListener>();
  readonly #session: Session;

  private constructor(path: string, runtime: NativeModule, native: NativeDatabase) {
    this.path = path;
    this.#runtime = runtime;
    this.#handle = new NativeHandle(this, native, {
      close: (db) => db._close(),
      releasedMessage: closedMessage,
    });
    this.#session = Database.#newSession(this);
  }

  // Not inline in the constructor: closures there share its scope with the handle's close
  // callback, which would then keep the Database alive and defeat the FinalizationRegistry.
  static #newSession(db: Database): Session {
    return new Session(db, () => db.#handle.get(), (result) => db.#settle(result), db.#runtime);
  }

  /**
   * Resolves once the wasm module has loaded. open() waits for it by itself; await it first
   * only to call sql() on models bound to no database before any open().
   */
  static async ready(): Promise<void> {
    await loadRuntime();
  }

  /**
   * Opens a private in-memory database (':memory:', the default). The wasm module has no file
   * system: a file path rejects with an OperationalError that says so.
   */
  static async open(path = ':memory:', options: OpenOptions = {}): Promise<Database> {
    return Database.#openWith(await loadRuntime(), path, options);
  }

  // The private database that compiles queries of unbound models; it runs no statement.
  static #compiler: Database | undefined;
  static compilerSession(): Session | undefined {
    const runtime = loadedRuntime();
    if (!runtime) return undefined;
    Database.#compiler ??= Database.#openWith(runtime, ':memory:', {});
    return sessionOf(Database.#compiler);
  }

  static #openWith(runtime: NativeModule, path: string, options: OpenOptions): Database {
    const pragmas = pragmaList(options.pragmas);
    const native = new runtime.NativeDatabase();
    try {
      unwrap(native._open(path, pragmas));
    } catch (error) {
      native.delete();
      throw error;
    }
    return new Database(path, runtime, native);
  }

  get closed(): boolean {
    return this.#handle.released;
  }

  /** Peewee's is_closed(). */
  isClosed(): boolean {
    return this.closed;
  }

  /**
   * Peewee's connect(): the database opens in open(), so on an open one this is Peewee's
   * "already opened" error (or false with reuseIfOpen). close() frees the native database,
   * so a closed one cannot be reopened (an in-memory one's data went with it).
   */
  connect(options: { reuseIfOpen?: boolean } = {}): boolean {
    if (this.closed) {
      throw new InterfaceError(
        `Database('${this.path}') is closed and cannot be reopened; open a new one with await Database.open()`,
      );
    }
    if (options.reuseIfOpen) return false;
    throw new OperationalError('Connection already opened.');
  }

  /** Runs a statement for its effect (DDL, INSERT, UPDATE, DELETE, PRAGMA). */
  executeSql(sql: string, params: readonly SqlParam[] = []): ExecuteResult {
    const native = this.#handle.get();
    return this.#settle(native._execute(sql, toNativeParams(params)));
  }

  /** Runs a query and returns all its rows, as objects (default) or arrays. */
  querySql(sql: string, params?: readonly SqlParam[], options?: { rowMode?: 'object' }): Row[];
  querySql(sql: string, params: readonly SqlParam[], options: { rowMode: 'array' }): SqlValue[][];
  querySql(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Row[] | SqlValue[][];
  querySql(
    sql: string,
    params: readonly SqlParam[] = [],
    options: QueryOptions = {},
  ): Row[] | SqlValue[][] {
    const native = this.#handle.get();
    const { columns, rows } = this.#settle(native._query(sql, toNativeParams(params)));
    return options.rowMode === 'array' ? rows : rowObjects(columns, rows);
  }

  /**
   * Makes `models` use this database (Peewee's db.bind), whatever their meta says. Their
   * metadata reaches the core the first time each is used.
   */
  bind(models: readonly ModelClass[]): void {
    for (const model of models) bindDatabase(model, this);
  }

  /**
   * CREATE TABLE (and indexes) for the models, in dependency order; binds models that have no
   * database yet. safe (default true): IF NOT EXISTS.
   */
  createTables(models: readonly ModelClass[], options: { safe?: boolean } = {}): void {
    this.#bindUnbound(models);
    this.#session.createTables(models, options.safe ?? true);
  }

  /** DROP TABLE for the models, dependents first. safe (default true): IF EXISTS. */
  dropTables(models: readonly ModelClass[], options: { safe?: boolean } = {}): void {
    this.#bindUnbound(models);
    this.#session.dropTables(models, options.safe ?? true);
  }

  /**
   * Runs fn in a transaction (nested: a savepoint) and returns its result. If fn throws,
   * everything it did is rolled back, the error propagates, and the database stays usable.
   */
  atomic<R>(fn: (txn: Transaction) => R): R {
    return this.#session.atomic(fn);
  }

  #bindUnbound(models: readonly ModelClass[]): void {
    for (const model of models) {
      const current = databaseOf(model);
      if (!current) bindDatabase(model, this);
      else if (current !== this) {
        throw new InterfaceError(
          `${metaOf(model).name} uses another database; call db.bind([${metaOf(model).name}]) to move it here`,
        );
      }
    }
  }

  /**
   * PRAGMA name = value (run and logged, as Peewee's db.pragma('foreign_keys', 1)), or with no
   * value, the pragma's current value.
   */
  pragma(name: string, value?: SqlParam): SqlValue | undefined {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new DataError(`pragma(): "${name}" is not a pragma name`);
    if (value === undefined) {
      const [row] = this.querySql(`PRAGMA ${name}`, [], { rowMode: 'array' });
      return row?.[0];
    }
    // Peewee's text: PRAGMA name = value, a falsy value as 0, text as is (a bare word).
    const text = value === true ? 'True' : !value ? '0' : String(value);
    if (!/^-?[A-Za-z0-9_.]+$/.test(text)) throw new DataError(`pragma(${name}): ${text} is not a pragma value`);
    this.executeSql(`PRAGMA ${name} = ${text}`);
    return undefined;
  }

  /** Statements run since open() or the last resetQueryCount() (failed ones included). */
  get queryCount(): number {
    return this.#handle.get()._queryCount();
  }

  resetQueryCount(): void {
    this.#handle.get()._resetQueryCount();
  }

  /**
   * Calls `listener` after each statement runs, with its SQL, parameters, duration and row
   * count. Returns the function that unsubscribes it. Listeners run after the call that
   * ran the statement has returned from the wasm module; an exception thrown by a listener
   * propagates to the caller of executeSql/querySql (the statement has already run).
   */
  onQuery(listener: QueryListener): () => void {
    const native = this.#handle.get();
    if (this.#listeners.size === 0) native._subscribe();
    // A wrapper keeps the same listener subscribable twice, each with its own unsubscribe.
    const entry: QueryListener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => {
      if (!this.#listeners.delete(entry)) return;
      if (this.#listeners.size === 0 && !this.#handle.released) this.#handle.get()._unsubscribe();
    };
  }

  /** Memory of the wasm module, for leak checks and the playground. */
  memoryUsage(): MemoryUsage {
    return this.#runtime._heapStats();
  }

  /** Closes the connection and frees its native resources. Idempotent. */
  close(): void {
    this.#listeners.clear();
    this.#handle.release();
  }

  #settle<T>(result: NativeResult<T>): T {
    if (result.events) this.#emit(result.events);
    return unwrap(result);
  }

  #emit(events: NativeQueryEvent[]): void {
    const listeners = [...this.#listeners];
    for (const event of events) {
      for (const listener of listeners) listener(event);
    }
  }
}

// A fresh plain array of primitives and Uint8Arrays, read once in JS: the C++ side never
// runs a user getter or a Proxy trap.
function toNativeParams(params: readonly SqlParam[]): NativeValue[] {
  if (!Array.isArray(params)) {
    throw new DataError('params must be an array of values, one per "?" placeholder');
  }
  return Array.from(params, (value, index) => toNativeValue(value, `parameter ${index + 1}`));
}

function pragmaList(pragmas: OpenOptions['pragmas']): Array<[string, NativeValue]> {
  if (!pragmas) return [];
  const entries = Array.isArray(pragmas) ? pragmas : Object.entries(pragmas);
  return entries.map(([name, value]) => [String(name), toNativeValue(value, `pragma ${name}`)]);
}

function rowObjects(columns: string[], rows: NativeValue[][]): Row[] {
  const hasProtoColumn = columns.includes('__proto__');
  return rows.map((cells) => {
    const row: Row = {};
    for (let i = 0; i < columns.length; i++) {
      if (hasProtoColumn && columns[i] === '__proto__') {
        Object.defineProperty(row, '__proto__', { value: cells[i], enumerable: true, writable: true, configurable: true });
      } else {
        row[columns[i]!] = cells[i]!;
      }
    }
    return row;
  });
}

provideCompilerSession(() => Database.compilerSession());
