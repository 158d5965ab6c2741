// Decodes the payload of a select with eager loads (encode_loaded in wasm/native): the
// query's rows and each backref load's rows, attached here by key, as the core's attach does
// for its instances; or, for loads the core attaches itself, the graph of its instances.
import { DATA, RAW, REL, type Model, type ModelMeta } from './model.js';
import { blankInstance, decodeGraph, decodeRows, type BoundClasses, type Plan } from './results.js';

const decoder = new TextDecoder();

export function decodeLoaded(bytes: Uint8Array, classes: BoundClasses): Model[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const u32 = (): number => {
    const value = view.getUint32(pos, true);
    pos += 4;
    return value;
  };
  const parts = u32();
  if (parts === 0) return decodeGraph(bytes.subarray(pos), classes);
  // A rows payload, with its model (class, meta, the slots behind the core's positions).
  const rows = (): Loaded => {
    const length = u32();
    const cache: { plan?: Plan } = {};
    const decoded = decodeRows(bytes.subarray(pos, pos + length), classes, 'models', cache) as Model[];
    pos += length;
    return { rows: decoded, ...cache.plan!.targets[0]! };
  };

  const parents = rows();
  for (let n = 1; n < parts; n++) {
    const nameLength = u32();
    const name = decoder.decode(bytes.subarray(pos, pos + nameLength));
    pos += nameLength;
    const foreignKey = u32();
    const parentKey = u32();
    attachBackref(name, parents, parents.coreToSlot[parentKey]!, rows(), foreignKey);
  }
  return parents.rows;
}

interface Loaded {
  rows: Model[];
  meta: ModelMeta;
  coreToSlot: readonly number[];
}

/**
 * Each parent's rows as its list (`user.tweets`, empty when it has none), each row pointing
 * back at its parent (`tweet.user`). A parent the query returned twice gets copies of the
 * rows, as the core's graph gives each parent its own.
 */
function attachBackref(name: string, parents: Loaded, keySlot: number, children: Loaded, foreignKey: number): void {
  const foreignKeySlot = children.coreToSlot[foreignKey]!;
  const foreignKeyName = children.meta.fields[foreignKeySlot]!.name!;
  const byKey = new Map<unknown, Model[]>();
  for (const row of children.rows) {
    const key = row[DATA][foreignKeySlot];
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  // The parent each key's rows went to first; a later parent with that key gets copies.
  const owners = new Map<unknown, Model>();
  for (const parent of parents.rows) {
    const key = parent[DATA][keySlot];
    const owner = owners.get(key);
    let list = byKey.get(key) ?? [];
    if (owner) list = list.map((row) => copyOf(row, children, owner, parent));
    else owners.set(key, parent);
    for (const row of list) (row[REL] ??= {})[foreignKeyName] ??= parent;
    (parent[REL] ??= {})[name] = list;
  }
}

/** Another instance with the same values and related instances, pointing at `parent`. */
function copyOf(row: Model, { meta }: Loaded, owner: Model, parent: Model): Model {
  const copy = blankInstance(meta);
  copy[DATA] = row[DATA].slice();
  copy[RAW] = row[RAW];
  const related = { ...row[REL] };
  for (const name in related) if (related[name] === owner) related[name] = parent;
  copy[REL] = related;
  return copy;
}
