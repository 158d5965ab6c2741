// Encoder: turns one recorded query into the request the bindings read: plain data with the
// values taken out into a parameter list, model classes replaced by the ids this database
// bound them under, and each model alias given a slot (one source identity per alias).
import { toNativeValue } from './values.js';
import type { NativeValue } from './native.js';

/** A recorded node as plain data (see wasm/native/decode_query.hpp). */
export type EncodedNode = { k: string; [key: string]: unknown };
/** A model source: the model's id, or an alias slot. */
export type EncodedSource = number | { a: number };

/** What the encoder needs from the database: model ids, binding models on first use. */
export interface ModelIds {
  modelId(model: object): number;
}

/** What may be a query's source: a model class or an alias of one. */
export interface Source {
  /** The model class behind the source. */
  readonly sourceModel: object;
  /** The alias, for aliased sources; undefined for the model's own table. */
  readonly sourceAlias: { readonly name: string | undefined } | undefined;
}

/** Model instances stand for their key; they implement this (model.ts). */
export interface KeyedValue {
  keyValue(): unknown;
}

export class Encoder {
  readonly params: NativeValue[] = [];
  readonly aliases: Array<{ m: number; n?: string }> = [];
  readonly ctes: unknown[] = [];
  readonly #slots = new Map<object, number>();
  readonly #cteSlots = new Map<object, number>();

  constructor(readonly ids: ModelIds) {}

  /** A parameter node for a value; model instances stand for their primary key. */
  value(value: unknown): EncodedNode {
    return { k: 'v', i: this.param(value) };
  }

  /** The index of a new parameter holding `value`. */
  param(value: unknown): number {
    return this.params.push(nativeParam(value, `parameter ${this.params.length + 1}`)) - 1;
  }

  source(source: Source): EncodedSource {
    const id = this.ids.modelId(source.sourceModel);
    const alias = source.sourceAlias;
    if (!alias) return id;
    let slot = this.#slots.get(alias);
    if (slot === undefined) {
      slot = this.aliases.push(alias.name === undefined ? { m: id } : { m: id, n: alias.name }) - 1;
      this.#slots.set(alias, slot);
    }
    return { a: slot };
  }

  /** A CTE's slot in the request's table (its definition is encoded once). */
  cte(cte: { encodeDefinition(encoder: Encoder): unknown }): { cte: number } {
    let slot = this.#cteSlots.get(cte);
    if (slot === undefined) {
      slot = this.ctes.push(null) - 1;
      this.#cteSlots.set(cte, slot);
      this.ctes[slot] = cte.encodeDefinition(this);
    }
    return { cte: slot };
  }

  /** The request text for a run mode and an encoded query (with extra top-level keys). */
  request(run: string, query: EncodedNode, extra: Record<string, unknown> = {}): string {
    const body: Record<string, unknown> = { run, q: query, ...extra };
    if (this.aliases.length) body.aliases = this.aliases;
    if (this.ctes.length) body.ctes = this.ctes;
    return JSON.stringify(body);
  }
}

/** A parameter as the bindings take it: an instance stands for its key. */
export function nativeParam(value: unknown, what: string): NativeValue {
  return toNativeValue(isKeyed(value) ? value.keyValue() : value, what);
}

function isKeyed(value: unknown): value is KeyedValue {
  return typeof value === 'object' && value !== null && typeof (value as KeyedValue).keyValue === 'function';
}
