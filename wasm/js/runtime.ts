// Loads the wasm module once per JS realm. Private: the entries (index.ts, node.ts) say how
// the module gets its bytes; everything else awaits loadRuntime() and unwraps results.
import createPeewasmModule from './peewasm.js';
import { errorFromNative } from './errors.js';
import type { NativeModule, NativeModuleFactory, NativeResult } from './native.js';

/** How an entry instantiates the module (e.g. with wasmBinary in Node). */
export type RuntimeLoader = (factory: NativeModuleFactory) => Promise<NativeModule>;

let loader: RuntimeLoader = (factory) => factory();
let loading: Promise<NativeModule> | undefined;
let loaded: NativeModule | undefined;

/** Called once by the entry module, before any Database is opened. */
export function configureRuntime(entryLoader: RuntimeLoader): void {
  loader = entryLoader;
}

export function loadRuntime(): Promise<NativeModule> {
  if (!loading) {
    loading = loader(createPeewasmModule);
    loading.then((module) => {
      loaded = module;
    });
    // A failed load (missing or unreadable .wasm) may be retried by the next open().
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** The module, once a load has finished (synchronous callers: sql() of an unbound model). */
export function loadedRuntime(): NativeModule | undefined {
  return loaded;
}

/** The value of a successful result; the typed error of a failed one. */
export function unwrap<T>(result: NativeResult<T>): T {
  if (result.ok) return result.value;
  throw errorFromNative(result);
}
