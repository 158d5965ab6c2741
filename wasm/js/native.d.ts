// Types of the Embind module built from wasm/native (bindings.cpp). Private to the package:
// only runtime.ts and the wrappers that own native handles import these; nothing public
// re-exports them.

/** A value as the bindings hand it over (see wasm/native/values.hpp). */
export type NativeValue = null | number | bigint | string | boolean | Uint8Array;

/** The `kind` strings of core/include/peewasm/errors.hpp (ErrorKind), plus the base kinds. */
export type NativeErrorKind =
  | 'ImproperlyConfigured'
  | 'DoesNotExist'
  | 'IntegrityError'
  | 'OperationalError'
  | 'ProgrammingError'
  | 'DataError'
  | 'NotSupportedError'
  | 'InterfaceError';

export interface NativeQueryEvent {
  sql: string;
  params: NativeValue[];
  durationMs: number;
  rows: number | bigint;
  failed: boolean;
}

/** What every guarded binding returns (wasm/native/boundary.hpp). */
export type NativeResult<T> = (
  | { ok: true; value: T }
  | { ok: false; kind: NativeErrorKind; message: string; sqliteCode: number }
) & {
  /** Query-log events of this call, present while subscribed and non-empty. */
  events?: NativeQueryEvent[];
};

export type NativeFailure = Extract<NativeResult<unknown>, { ok: false }>;

/** Every Embind class handle. */
export interface NativeObject {
  delete(): void;
  isDeleted(): boolean;
}

export interface NativeDatabase extends NativeObject {
  _open(path: string, pragmas: Array<[string, NativeValue]>): NativeResult<undefined>;
  _execute(
    sql: string,
    params: NativeValue[],
  ): NativeResult<{ rowsChanged: number; lastInsertRowid: number | bigint }>;
  _query(
    sql: string,
    params: NativeValue[],
  ): NativeResult<{ columns: string[]; rows: NativeValue[][] }>;
  _queryCount(): number;
  _resetQueryCount(): void;
  _subscribe(): void;
  _unsubscribe(): void;
  _close(): NativeResult<undefined>;
  // ORM entries (wasm/native/native_orm.cpp): JSON requests, values apart.
  _defineModel(spec: string, params: NativeValue[]): NativeResult<string>;
  /** Mode 'rows'/'get': a view on the wasm heap, valid until the next call. */
  _run(request: string, params: NativeValue[]): NativeResult<any>;
  _prepare(request: string, params: NativeValue[]): NativeResult<number>;
  /**
   * 0: done, the payload at _replyAddress(); 1: _takeOutcome() holds the error or the events.
   * With `planKnown` the payload omits the plan (JS kept it from an earlier one).
   */
  _runPrepared(id: number, params: NativeValue[], planKnown: boolean): number;
  _takeOutcome(): NativeResult<undefined>;
  /** Two u32 on the heap: the last payload's address and byte length. */
  _replyAddress(): number;
  /** This object's address in the wasm memory: the first argument of the module's C exports. */
  _address(): number;
  /** The request in the heap buffer (NativeDatabase::save); answers as _runPrepared. */
  _save(length: number): number;
  /** Model.insertMany of plain values, its request in the heap buffer (NativeDatabase::insert_rows). */
  _insertRows(length: number): number;
  /** The address of the heap request buffer, at least `size` bytes. */
  _requestBuffer(size: number): number;
  _deleteInstance(request: string, params: NativeValue[]): NativeResult<number | bigint>;
  _getOrCreate(
    request: string,
    params: NativeValue[],
    defaults: () => { pairs: string; params: NativeValue[] },
  ): NativeResult<{ created: boolean; values: NativeValue[] }>;
  _createTables(ids: string, safe: boolean): NativeResult<undefined>;
  _dropTables(ids: string, safe: boolean): NativeResult<undefined>;
  _beginAtomic(): NativeResult<undefined>;
  _commitAtomic(): NativeResult<undefined>;
  _rollBackAtomic(): NativeResult<undefined>;
}

export interface NativeHeapStats {
  heapBytes: number;
  allocatedBytes: number;
  freeBytes: number;
}

export interface NativeModule {
  NativeDatabase: new () => NativeDatabase;
  /** _runPrepared with one number, as a plain wasm export (bindings.cpp); planKnown 0 or 1. */
  _peewasm_run_prepared_number(database: number, id: number, value: number, planKnown: number): number;
  /** Views on the wasm memory; replaced when it grows, so read them at each use. */
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _heapStats(): NativeHeapStats;
}

/** The factory options wasm/js uses (INCOMING_MODULE_JS_API in CMakeLists.txt). */
export interface NativeModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, scriptDirectory: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export type NativeModuleFactory = (options?: NativeModuleOptions) => Promise<NativeModule>;
