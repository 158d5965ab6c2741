// Requests and replies of the hot entries through the wasm heap instead of Embind values
// (the format: wasm/native/heap_values.hpp). The writer fills the buffer the module owns
// for one request; the reader walks the values of a reply. Private to the package.
import { nativeParam } from './encoder.js';
import { DataError, InterfaceError } from './errors.js';
import type { NativeDatabase, NativeModule, NativeValue } from './native.js';

const enum Tag {
  Null,
  Number,
  Text,
  False,
  True,
  BigInt,
  Blob,
}

// HeapRequestBuffer::kKeptBytes.
const keptBytes = 1 << 20;
const minInt64 = -(2n ** 63n);
const maxInt64 = 2n ** 63n - 1n;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * The module's memory as views, renewed only when the memory grew: the old buffer is then
 * detached and its views are empty. (Reading Module.HEAPU8 at each use costs more.)
 */
export class HeapViews {
  readonly #runtime: NativeModule;
  #bytes: Uint8Array = new Uint8Array(0);
  #view: DataView = new DataView(new ArrayBuffer(0));
  #words: Uint32Array = new Uint32Array(0);

  constructor(runtime: NativeModule) {
    this.#runtime = runtime;
  }

  get bytes(): Uint8Array {
    if (this.#bytes.length === 0) this.#renew();
    return this.#bytes;
  }

  get view(): DataView {
    if (this.#bytes.length === 0) this.#renew();
    return this.#view;
  }

  get words(): Uint32Array {
    if (this.#bytes.length === 0) this.#renew();
    return this.#words;
  }

  #renew(): void {
    this.#bytes = this.#runtime.HEAPU8;
    this.#view = new DataView(this.#bytes.buffer);
    this.#words = this.#runtime.HEAPU32;
  }
}

/** Writes one request; the module's buffer grows (keeping what is written) when it must. */
export class HeapRequestWriter {
  readonly #heap: HeapViews;
  #native!: NativeDatabase;
  #start = 0;
  #capacity = 0;
  #length = 0;
  #bytes: Uint8Array = new Uint8Array(0);
  #view: DataView = new DataView(this.#bytes.buffer);

  constructor(heap: HeapViews) {
    this.#heap = heap;
  }

  /** Starts a request for `native` (a buffer belongs to one database). */
  begin(native: NativeDatabase): this {
    // A buffer grown for a long text goes back to its usual size (HeapRequestBuffer::reserve).
    if (native !== this.#native || this.#capacity > keptBytes) {
      this.#native = native;
      this.#capacity = 0;
    }
    this.#length = 0;
    this.#reserve(64);
    return this;
  }

  /** The bytes written, for the entry's length argument. */
  get length(): number {
    return this.#length;
  }

  u8(value: number): void {
    this.#reserve(1);
    this.#bytes[this.#start + this.#length++] = value;
  }

  u32(value: number): void {
    this.#reserve(4);
    this.#view.setUint32(this.#start + this.#length, value, true);
    this.#length += 4;
  }

  /** Parameter number `param` (1-based, for messages): what Encoder.param accepts. */
  value(value: unknown, param: number): void {
    const plain: NativeValue =
      typeof value === 'number' || typeof value === 'string' ? value : nativeParam(value, `parameter ${param}`);
    if (plain === null) return this.u8(Tag.Null);
    switch (typeof plain) {
      case 'number': {
        const at = this.#eightBytes(Tag.Number);
        this.#view.setFloat64(at, plain, true);
        return;
      }
      case 'boolean':
        return this.u8(plain ? Tag.True : Tag.False);
      case 'bigint': {
        if (plain < minInt64 || plain > maxInt64) {
          throw new DataError(`parameter ${param}: the bigint ${plain} is outside SQLite's 64-bit integer range`);
        }
        const at = this.#eightBytes(Tag.BigInt);
        this.#view.setBigInt64(at, plain, true);
        return;
      }
      case 'string':
        return this.#text(plain);
      default:
        this.u8(Tag.Blob);
        this.u32(plain.length);
        this.#reserve(plain.length);
        this.#bytes.set(plain, this.#start + this.#length);
        this.#length += plain.length;
    }
  }

  /** Writes `tag` and makes room for 8 bytes after it; returns where they go. */
  #eightBytes(tag: Tag): number {
    this.#reserve(9);
    const at = this.#start + this.#length;
    this.#bytes[at] = tag;
    this.#length += 9;
    return at + 1;
  }

  #text(text: string): void {
    // At most 3 UTF-8 bytes per UTF-16 unit.
    this.#reserve(5 + 3 * text.length);
    const at = this.#start + this.#length;
    const bytes = this.#bytes;
    bytes[at] = Tag.Text;
    let size = 0;
    const short = text.length <= 64;
    for (; short && size < text.length; size++) {
      const code = text.charCodeAt(size);
      if (code >= 0x80) break;
      bytes[at + 5 + size] = code;
    }
    if (!short || size < text.length) size = utf8.encodeInto(text, bytes.subarray(at + 5)).written;
    this.#view.setUint32(at + 1, size, true);
    this.#length += 5 + size;
  }

  #reserve(count: number): void {
    if (this.#length + count > this.#capacity) {
      this.#capacity = Math.max(2 * this.#capacity, this.#length + count, 256);
      this.#start = this.#native._requestBuffer(this.#capacity);
    } else if (this.#bytes.length !== 0) {
      return;
    }
    // A new buffer, or the memory grew.
    this.#bytes = this.#heap.bytes;
    this.#view = this.#heap.view;
  }
}

/** The values of a reply, in order; one reader serves every reply (start() rewinds it). */
export class HeapReplyReader {
  readonly #heap: HeapViews;
  #bytes: Uint8Array = new Uint8Array(0);
  #view: DataView = new DataView(this.#bytes.buffer);
  #at = 0;

  constructor(heap: HeapViews) {
    this.#heap = heap;
  }

  start(at: number): this {
    this.#bytes = this.#heap.bytes;
    this.#view = this.#heap.view;
    this.#at = at;
    return this;
  }

  value(): NativeValue {
    const tag = this.#bytes[this.#at++];
    switch (tag) {
      case Tag.Null:
        return null;
      case Tag.Number:
        this.#at += 8;
        return this.#view.getFloat64(this.#at - 8, true);
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.BigInt:
        this.#at += 8;
        return this.#view.getBigInt64(this.#at - 8, true);
      case Tag.Text:
      case Tag.Blob: {
        const size = this.#view.getUint32(this.#at, true);
        const start = this.#at + 4;
        this.#at = start + size;
        const bytes = this.#bytes.subarray(start, start + size);
        return tag === Tag.Text ? utf8Decoder.decode(bytes) : bytes.slice();
      }
      default:
        throw new InterfaceError(`a reply from the module has an unknown value tag ${tag}`);
    }
  }
}
