// The one registry of native (Embind) handles. A wrapper such as Database owns a
// NativeHandle; release() frees the native object (and the handles it adopted) exactly once,
// so close() is idempotent and users never call delete(). The FinalizationRegistry is only
// the safety net for a wrapper dropped without close().
import { InterfaceError } from './errors.js';
import type { NativeObject } from './native.js';

export interface HandleOptions<T> {
  /** Native cleanup before delete() (e.g. closing the connection). Errors are swallowed. */
  close?: (native: T) => void;
  /** Message of the InterfaceError thrown by get() once released. */
  releasedMessage: string;
}

const live = new Set<NativeHandle<NativeObject>>();

// Held values are the handles, never the owners, so an owner can be collected.
const finalizer = new FinalizationRegistry<NativeHandle<NativeObject>>((handle) => {
  handle.release();
});

export class NativeHandle<T extends NativeObject> {
  #native: T | null;
  readonly #free: () => void;
  readonly #releasedMessage: string;
  readonly #children = new Set<NativeHandle<NativeObject>>();
  #parent: NativeHandle<NativeObject> | null = null;

  /** Takes ownership of `native` on behalf of `owner` (the object users hold). */
  constructor(owner: object, native: T, options: HandleOptions<T>) {
    this.#native = native;
    this.#releasedMessage = options.releasedMessage;
    this.#free = () => {
      try {
        options.close?.(native);
      } catch {
        // Releasing must always complete; a failing close leaves nothing to retry.
      } finally {
        native.delete();
      }
    };
    live.add(this);
    finalizer.register(owner, this, this);
  }

  get released(): boolean {
    return this.#native === null;
  }

  /** The native object; throws InterfaceError once released. */
  get(): T {
    if (this.#native === null) throw new InterfaceError(this.#releasedMessage);
    return this.#native;
  }

  /** `child` is released no later than this handle. */
  adopt(child: NativeHandle<NativeObject>): void {
    const previous = child.#parent;
    if (previous) previous.#children.delete(child);
    child.#parent = this;
    this.#children.add(child);
  }

  /** Frees the children, then the native object. Idempotent. */
  release(): void {
    const native = this.#native;
    if (native === null) return;
    this.#native = null;
    live.delete(this);
    finalizer.unregister(this);
    for (const child of [...this.#children]) child.release();
    const parent = this.#parent;
    if (parent) parent.#children.delete(this);
    this.#parent = null;
    this.#free();
  }
}

/** Number of native handles not yet released (tests, the playground's cleanup check). */
export function liveHandleCount(): number {
  return live.size;
}

/** Releases every live handle (the playground worker ends a run with this). */
export function releaseAllHandles(): void {
  for (const handle of [...live]) handle.release();
}
