// Decodes the result payload of wasm/native/encode_result.hpp: one pass over the bytes, one
// TextDecoder call for all the text, and instances of the user's model classes built from
// the plan (which column goes to which model instance, and where each instance hangs).
import { DATA, RAW, REL, rawBit, type Model, type ModelMeta } from './model.js';
import type { Field } from './fields.js';
import type { RowType } from './queries.js';
import type { SqlValue } from './values.js';

/** What decoding needs from the session: the class and slots behind each model id. */
export interface BoundClasses {
  boundClass(id: number): { meta: ModelMeta; coreToSlot: readonly number[] };
}

const decoder = new TextDecoder();

// One DataView per buffer (the wasm heap's, until it grows), not one per payload: a payload
// of one row (getById, lazy loads) would otherwise pay for a new view each call.
let viewedBuffer: ArrayBufferLike | undefined;
let bufferView: DataView | undefined;
function viewOf(buffer: ArrayBufferLike): DataView {
  if (buffer !== viewedBuffer || !bufferView) {
    viewedBuffer = buffer;
    bufferView = new DataView(buffer);
  }
  return bufferView;
}

/** Reads a payload in place; `pos` is a position in the whole buffer, `base` the payload's. */
class Reader {
  readonly view: DataView;
  readonly base: number;
  pos: number;
  text = '';

  constructor(readonly bytes: Uint8Array) {
    this.view = viewOf(bytes.buffer);
    this.base = this.pos = bytes.byteOffset;
  }

  u32(): number {
    const value = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  i32(): number {
    const value = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return value;
  }

  value(): SqlValue {
    const view = this.view;
    const tag = view.getUint8(this.pos++);
    switch (tag) {
      case 0:
        return null;
      case 1:
      case 3: {
        const number = view.getFloat64(this.pos, true);
        this.pos += 8;
        return number;
      }
      case 2: {
        const big = view.getBigInt64(this.pos, true);
        this.pos += 8;
        return big;
      }
      case 4: {
        const start = view.getUint32(this.pos, true);
        const length = view.getUint32(this.pos + 4, true);
        this.pos += 8;
        return this.text.substring(start, start + length);
      }
      case 5:
      case 8: {
        const length = this.u32();
        const start = this.pos - this.base;
        const bytes = this.bytes.slice(start, start + length); // a copy, off the wasm heap
        this.pos += length;
        return tag === 5 ? bytes : decoder.decode(bytes);
      }
      case 6:
        return false;
      case 7:
        return true;
      default:
        throw new Error(`peewasm: corrupt result payload (tag ${tag})`);
    }
  }
}

// V8 throws away optimized code whose objects' shapes die: a full GC with no Reader left
// alive took the decoder's code with it, and the next payloads ran unoptimized (W5 right
// after a GC cost 4x its steady time). The last Reader stays referenced, its text released.
let lastReader: Reader | undefined;

interface Target {
  meta: ModelMeta;
  coreToSlot: readonly number[];
  parent: number;
  attr: string;
  /** Whether `attr` is a foreign key of the parent (the instance goes behind its getter). */
  viaForeignKey: boolean;
  /** The core's rule: attached even when all its columns are NULL (a step to a selected model). */
  keepEmpty: boolean;
}

interface Column {
  target: number;
  /** The slot in the target's data, or -1 for an extra attribute. */
  slot: number;
  field: Field | undefined;
  name: string;
  /** The field's bit in RAW: its value is stored as is and converted on first read. */
  rawBit: number;
}

/** A payload's plan, decoded once and reusable for payloads of the same request. */
export interface Plan {
  readonly targets: Target[];
  readonly columns: Column[];
}

function decodePlan(reader: Reader, classes: BoundClasses, targetCount: number, columnCount: number): Plan {
  const targets: Target[] = [];
  for (let t = 0; t < targetCount; t++) {
    const bound = classes.boundClass(reader.u32());
    const parent = reader.i32();
    const attr = reader.value() as string;
    const keepEmpty = reader.u32() === 1;
    const parentMeta = parent >= 0 ? targets[parent]!.meta : undefined;
    const viaForeignKey = parentMeta?.foreignKeys.some((fk) => fk.name === attr) ?? false;
    targets.push({ ...bound, parent, attr, viaForeignKey, keepEmpty });
  }
  const columns: Column[] = [];
  for (let c = 0; c < columnCount; c++) {
    const target = reader.i32();
    const corePosition = reader.i32();
    const name = reader.value() as string;
    const { meta, coreToSlot } = targets[target]!;
    const slot = corePosition >= 0 ? coreToSlot[corePosition]! : -1;
    const field = slot >= 0 ? meta.fields[slot] : undefined;
    columns.push({ target, slot, field, name, rawBit: field ? rawBit(field) : 0 });
  }
  return { targets, columns };
}

/**
 * The rows of a payload. The bytes are a view on the wasm heap: read them fully before the
 * next call into the module. `cache` keeps the plan for the payloads of the same request
 * that omit it.
 */
export function decodeRows(
  bytes: Uint8Array,
  classes: BoundClasses,
  rowType: RowType,
  cache?: { plan?: Plan },
): unknown[] {
  const reader = (lastReader = new Reader(bytes));
  const rowCount = reader.u32();
  const columnCount = reader.u32();
  const targetCount = reader.u32();
  const textOffset = reader.u32();
  reader.text = decoder.decode(bytes.subarray(textOffset));
  // No columns: a prepared request's payload without its plan, kept in `cache` from the first.
  let plan = columnCount === 0 ? cache?.plan : decodePlan(reader, classes, targetCount, columnCount);
  if (!plan) throw new Error('peewasm: a result payload without its plan, and no plan kept');
  if (cache) cache.plan = plan;
  const { targets, columns } = plan;

  const rows = new Array<unknown>(rowCount);
  switch (rowType) {
    case 'models':
      if (targets.length === 1) {
        for (let r = 0; r < rowCount; r++) rows[r] = flatRow(reader, targets[0]!, columns);
        break;
      }
      {
        const joined = { instances: new Array<Model>(targets.length), filled: new Array<boolean>(targets.length) };
        for (let r = 0; r < rowCount; r++) rows[r] = modelRow(reader, targets, columns, joined);
      }
      break;
    case 'objects':
      for (let r = 0; r < rowCount; r++) rows[r] = flatRow(reader, targets[0]!, columns);
      break;
    case 'dicts':
      for (let r = 0; r < rowCount; r++) rows[r] = dictRow(reader, columns);
      break;
    case 'tuples':
      for (let r = 0; r < rowCount; r++) rows[r] = tupleRow(reader, columns);
      break;
  }
  reader.text = '';
  return rows;
}

function convert(column: Column, value: SqlValue): unknown {
  return column.field && value !== null ? column.field.fromNative(value) : value;
}

/** A loaded instance: no constructor run, no defaults, nothing dirty. */
export function blankInstance(meta: ModelMeta): Model {
  return new meta.Loaded();
}

/** A loaded value into its slot: a value that converts on read stays as stored (rawBit). */
function setField(instance: Model, column: Column, value: SqlValue): void {
  if (value === null) {
    instance[DATA][column.slot] = null;
  } else if (column.rawBit !== 0) {
    instance[DATA][column.slot] = value;
    instance[RAW] |= column.rawBit;
  } else {
    instance[DATA][column.slot] = column.field!.fromNative(value);
  }
}

function setExtra(instance: Model, meta: ModelMeta, name: string, value: unknown): void {
  const field = meta.fieldsByName.get(name);
  if (field) {
    instance[DATA][field.slot] = value;
    instance[RAW] &= ~rawBit(field);
  } else {
    (instance as unknown as Record<string, unknown>)[name] = value;
  }
}

/** Per-row scratch of modelRow, allocated once per payload. */
interface JoinedRow {
  instances: Model[];
  filled: boolean[];
}

function modelRow(reader: Reader, targets: Target[], columns: Column[], row: JoinedRow): Model {
  const { instances, filled } = row;
  for (let t = 0; t < targets.length; t++) {
    instances[t] = blankInstance(targets[t]!.meta);
    filled[t] = false;
  }
  for (const column of columns) {
    const value = reader.value();
    const instance = instances[column.target]!;
    if (value !== null) filled[column.target] = true;
    if (column.slot >= 0) setField(instance, column, value);
    else setExtra(instance, targets[column.target]!.meta, column.name, value);
  }
  // Children come after their parents; an outer join that matched nothing attaches nothing.
  for (let t = 1; t < targets.length; t++) {
    const target = targets[t]!;
    if (!filled[t] && !target.keepEmpty) continue;
    const parent = instances[target.parent]!;
    if (target.viaForeignKey) (parent[REL] ??= {})[target.attr] = instances[t]!;
    else (parent as unknown as Record<string, unknown>)[target.attr] = instances[t];
  }
  return instances[0]!;
}

function flatRow(reader: Reader, root: Target, columns: Column[]): Model {
  const instance = blankInstance(root.meta);
  for (const column of columns) {
    if (column.target === 0 && column.slot >= 0) setField(instance, column, reader.value());
    else setExtra(instance, root.meta, column.name, convert(column, reader.value()));
  }
  return instance;
}

function dictRow(reader: Reader, columns: Column[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) row[column.name] = convert(column, reader.value());
  return row;
}

function tupleRow(reader: Reader, columns: Column[]): unknown[] {
  const row = new Array<unknown>(columns.length);
  for (let c = 0; c < columns.length; c++) row[c] = convert(columns[c]!, reader.value());
  return row;
}

/**
 * Instances the core built, with their joined and eagerly loaded rows (encode_graph in
 * wasm/native). Loaded backref rows become a list on the parent (user.tweets), and each row
 * points back at its parent (tweet.user), so neither side runs a query.
 */
export function decodeGraph(bytes: Uint8Array, classes: BoundClasses): Model[] {
  const reader = new Reader(bytes);
  const count = reader.u32();
  const textOffset = reader.u32();
  reader.text = decoder.decode(bytes.subarray(textOffset));
  const out = new Array<Model>(count);
  for (let i = 0; i < count; i++) out[i] = graphInstance(reader, classes);
  return out;
}

const notLoaded = 9;

function graphInstance(reader: Reader, classes: BoundClasses): Model {
  const { meta, coreToSlot } = classes.boundClass(reader.u32());
  const instance = blankInstance(meta);
  const data = instance[DATA];
  for (let position = 0; position < coreToSlot.length; position++) {
    if (reader.view.getUint8(reader.pos) === notLoaded) {
      reader.pos++;
      continue;
    }
    const field = meta.fields[coreToSlot[position]!]!;
    const value = reader.value();
    const bit = rawBit(field);
    if (value !== null && bit !== 0) instance[RAW] |= bit;
    data[field.slot] = value === null || bit !== 0 ? value : field.fromNative(value);
  }
  for (let n = reader.u32(); n > 0; n--) {
    const name = reader.value() as string;
    setExtra(instance, meta, name, reader.value());
  }
  for (let n = reader.u32(); n > 0; n--) {
    const attr = reader.value() as string;
    const related = graphInstance(reader, classes);
    if (meta.foreignKeys.some((fk) => fk.name === attr)) (instance[REL] ??= {})[attr] = related;
    else (instance as unknown as Record<string, unknown>)[attr] = related;
  }
  for (let n = reader.u32(); n > 0; n--) {
    const name = reader.value() as string;
    const foreignKey = reader.value() as string;
    const rows: Model[] = [];
    for (let k = reader.u32(); k > 0; k--) {
      const row = graphInstance(reader, classes);
      if (foreignKey) (row[REL] ??= {})[foreignKey] ??= instance;
      rows.push(row);
    }
    (instance[REL] ??= {})[name] = rows;
  }
  return instance;
}
