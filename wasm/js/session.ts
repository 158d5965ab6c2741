// Session: the ORM side of one Database (private to the package). It binds model classes
// (their metadata goes to the core once per database), encodes queries into requests, runs
// them through the Embind handle and decodes the results.
import { DeferredForeignKey, ForeignKeyField } from './fields.js';
import { InterfaceError } from './errors.js';
import { Transaction } from './transaction.js';
import { Encoder, type EncodedNode, type Source } from './encoder.js';
import { HeapReplyReader, HeapRequestWriter, HeapViews } from './heap-values.js';
import { DATA, DIRTY, REL, assignedField, defineBackref, fieldValue, metaOf, type Model, type ModelClass, type ModelMeta } from './model.js';
import { decodeLoaded } from './loaded.js';
import { decodeGraph, decodeRows, blankInstance, type BoundClasses, type Plan } from './results.js';
import type { ModelSelect, RowType } from './queries.js';
import type { NativeDatabase, NativeModule, NativeResult, NativeValue } from './native.js';
import type { Database } from './database.js';
import type { SqlValue } from './values.js';
import type { Field } from './fields.js';
import type { CompoundPart } from './compound.js';
import { declaringModelOf, linkRelations, modelsBeforeRelations, relationsOf } from './many-to-many.js';

/** One subquery of prefetch(): a query, and the model it relates to when several could. */
export interface PrefetchSubquery {
  query: ModelSelect<unknown>;
  target?: Source;
}

interface PreparedRequest {
  readonly id: number;
  readonly cache: { plan?: Plan };
}

interface Binding {
  readonly id: number;
  readonly cls: ModelClass;
  readonly meta: ModelMeta;
  /** The core's field positions -> this class's slots, and back. */
  readonly coreToSlot: readonly number[];
  readonly slotToCore: readonly number[];
}

/** What the core tells of a model it defined (wasm/native/bound_models.hpp). */
export interface ModelDescription {
  id: number;
  name: string;
  table: string;
  fields: Array<{ name: string; rel?: string; relField?: string; objectIdName?: string; backref?: string }>;
  primaryKey: string[];
  manyToMany: RelationDescription[];
}

/** What the core tells of a relation a model declares (wasm/native/bound_models.hpp). */
export interface RelationDescription {
  name: string;
  /** The other side's name; absent for backref '+'. */
  backref?: string;
  through: ModelDescription;
  /** Whether the core generated the through model (else it is the throughModel option's). */
  generated: boolean;
}

// A field position that names no field (only= with a name the model lacks).
const noField = 0xffffffff;

const sessions = new WeakMap<Database, Session>();

/** The session of a Database (undefined for anything else). */
export function sessionOf(db: Database): Session | undefined {
  return sessions.get(db);
}

// Peewee compiles a query of a model bound to no database; so does sql() here, on a private
// in-memory database that database.ts provides once the module has loaded.
let compilerSession: (() => Session | undefined) | undefined;
export function provideCompilerSession(provider: () => Session | undefined): void {
  compilerSession = provider;
}
export function unboundCompilerSession(): Session | undefined {
  return compilerSession?.();
}

export type Settle = <T>(result: NativeResult<T>) => T;

export class Session implements BoundClasses {
  readonly #native: () => NativeDatabase;
  readonly #settle: Settle;
  readonly #bindings = new Map<ModelClass, Binding>();
  readonly #byId: Binding[] = [];
  readonly #binding = new Set<ModelClass>();
  // Requests whose only variable is their parameters, by model (or foreign key): prepared in
  // the module once, with their result plan decoded once.
  readonly #getById = new Map<ModelClass, PreparedRequest>();
  readonly #related = new Map<ForeignKeyField, PreparedRequest>();
  readonly #runtime: NativeModule;
  readonly #heap: HeapViews;
  #replyAt: number | undefined;
  // The handle whose address() the C exports were last given, and that address.
  #addressed: NativeDatabase | undefined;
  #address = 0;
  readonly #requests: HeapRequestWriter;
  readonly #replies: HeapReplyReader;

  constructor(db: Database, native: () => NativeDatabase, settle: Settle, runtime: NativeModule) {
    this.#native = native;
    this.#settle = settle;
    this.#runtime = runtime;
    this.#heap = new HeapViews(runtime);
    this.#requests = new HeapRequestWriter(this.#heap);
    this.#replies = new HeapReplyReader(this.#heap);
    sessions.set(db, this);
  }

  // ---- binding models -----------------------------------------------------------------

  modelId(model: object): number {
    return this.bind(model as ModelClass).id;
  }

  boundClass(id: number): Binding {
    const binding = this.#byId[id];
    if (!binding) throw new InterfaceError(`the result names model #${id}, which this database has not bound`);
    return binding;
  }

  /** Sends the class's metadata to the core (once), after the models it references. */
  bind(cls: ModelClass): Binding {
    const known = this.#bindings.get(cls);
    if (known) return known;
    // A through model the core generated is bound with the model that declares the relation.
    const declaring = declaringModelOf(cls);
    if (declaring) {
      this.bind(declaring);
      return this.#bindings.get(cls)!;
    }
    const meta = metaOf(cls);
    if (this.#binding.has(cls)) {
      throw new InterfaceError(
        `${meta.name} and the models it references refer to each other; use DeferredForeignKey for one of the keys`,
      );
    }
    this.#binding.add(cls);
    try {
      for (const fk of meta.foreignKeys) {
        if (typeof fk.target === 'function' && fk.target !== (cls as unknown) && !(fk instanceof DeferredForeignKey)) {
          this.bind(fk.target as unknown as ModelClass);
        }
      }
      for (const model of modelsBeforeRelations(cls)) this.bind(model);
      const encoder = new Encoder(this);
      const spec = specOf(meta, encoder);
      const text = this.#settle(this.#native()._defineModel(JSON.stringify(spec), encoder.params));
      const description = JSON.parse(text) as ModelDescription;
      const binding = this.#adopt(cls, description);
      linkRelations(cls, description.manyToMany, (through, throughDescription) => this.#adopt(through, throughDescription));
      return binding;
    } finally {
      this.#binding.delete(cls);
    }
  }

  /** Binds the class to the model the core defined (and described) for it. */
  #adopt(cls: ModelClass, description: ModelDescription): Binding {
    const meta = metaOf(cls);
    const coreToSlot = description.fields.map((field) => meta.fieldsByName.get(field.name)!.slot);
    const slotToCore: number[] = [];
    coreToSlot.forEach((slot, position) => (slotToCore[slot] = position));
    const binding: Binding = { id: description.id, cls, meta, coreToSlot, slotToCore };
    for (const field of description.fields) {
      const fk = meta.fieldsByName.get(field.name);
      if (fk instanceof ForeignKeyField) {
        fk.relField = field.relField;
        fk.backrefName = field.backref || undefined;
        const target =
          typeof fk.target === 'string' && fk.target !== 'self' ? this.classNamed(fk.target) : this.targetOf(fk);
        if (target && typeof fk.target === 'string') fk.resolvedTarget = target as unknown as Source;
        if (target && fk.backrefName) defineBackref(target, fk.backrefName, fk, fk.relField!);
      }
    }
    this.#bindings.set(cls, binding);
    this.#byId[binding.id] = binding;
    return binding;
  }

  /** A bound class by model name (foreign keys that name their target). */
  classNamed(name: string): ModelClass | undefined {
    for (const binding of this.#byId) if (binding.meta.name === name) return binding.cls;
    return undefined;
  }

  createTables(models: readonly ModelClass[], safe: boolean): void {
    const ids = models.map((model) => this.bind(model).id);
    this.#settle(this.#native()._createTables(JSON.stringify(ids), safe));
  }

  dropTables(models: readonly ModelClass[], safe: boolean): void {
    const ids = models.map((model) => this.bind(model).id);
    this.#settle(this.#native()._dropTables(JSON.stringify(ids), safe));
  }

  // ---- queries --------------------------------------------------------------------------

  #request(run: string, encode: (encoder: Encoder) => EncodedNode): [string, NativeValue[]] {
    const encoder = new Encoder(this);
    const query = encode(encoder);
    return [encoder.request(run, query), encoder.params];
  }

  /**
   * Rows of a select, decoded as `rowType`. mode 'get': the first, or DoesNotExist. With
   * eager loads the result is instances: attached here from each query's rows, or the graph
   * the core built (loaded.ts; always the graph for 'get').
   */
  selectRows(query: ModelSelect<unknown>, mode: 'rows' | 'get', rowType: RowType): unknown[] {
    if (query.hasLoads() && mode === 'get') {
      const [request, params] = this.#request('getGraph', (encoder) => query.encode(encoder));
      return decodeGraph(this.#settle(this.#native()._run(request, params)), this);
    }
    if (query.hasLoads()) {
      const [request, params] = this.#request('loaded', (encoder) => query.encode(encoder));
      return decodeLoaded(this.#settle(this.#native()._run(request, params)), this);
    }
    const [request, params] = this.#request(mode, (encoder) => query.encode(encoder));
    return this.#rows(request, params, rowType);
  }

  /** Peewee's prefetch(): the query's rows with the subqueries' rows attached. */
  prefetch(query: ModelSelect<unknown>, subqueries: ReadonlyArray<PrefetchSubquery>, type: string | undefined): unknown[] {
    const encoder = new Encoder(this);
    const q = query.encode(encoder);
    const subs = subqueries.map(({ query: sub, target }) => ({
      q: sub.encode(encoder),
      target: target ? encoder.source(target) : null,
    }));
    const request = encoder.request('prefetch', q, { subs, type: type ?? null });
    const bytes = this.#settle(this.#native()._run(request, encoder.params));
    return decodeGraph(bytes, this);
  }

  /** Rows of a compound select, read with its first select's plan. */
  compoundRows(query: CompoundPart, rowType: RowType): unknown[] {
    const [request, params] = this.#request('rows', (encoder) => query.encode(encoder));
    return this.#rows(request, params, rowType);
  }

  /** A request of a kind of its own (a many-to-many relation's writes): its node and extra keys. */
  runRequest(run: string, encode: (encoder: Encoder) => [EncodedNode, Record<string, unknown>]): unknown {
    const encoder = new Encoder(this);
    const [query, extra] = encode(encoder);
    return this.#settle(this.#native()._run(encoder.request(run, query, extra), encoder.params));
  }

  #rows(request: string, params: NativeValue[], rowType: RowType): unknown[] {
    const bytes = this.#settle(this.#native()._run(request, params));
    return decodeRows(bytes, this, rowType);
  }

  selectValue(query: ModelSelect<unknown>, mode: 'count' | 'exists' | 'scalar'): unknown {
    const [request, params] = this.#request(mode, (encoder) => query.encode(encoder));
    return this.#settle(this.#native()._run(request, params));
  }

  compile(query: ModelSelect<unknown>): [string, SqlValue[]] {
    return this.compileWrite((encoder) => query.encode(encoder));
  }

  compileWrite(encode: (encoder: Encoder) => EncodedNode): [string, SqlValue[]] {
    const [request, params] = this.#request('sql', encode);
    return this.#settle(this.#native()._run(request, params)) as [string, SqlValue[]];
  }

  write(encode: (encoder: Encoder) => EncodedNode): number | bigint {
    const [request, params] = this.#request('execute', encode);
    return this.#settle(this.#native()._run(request, params)) as number | bigint;
  }

  /** Model.getById: Model.get(pk == value), prepared once per model. */
  getById(cls: ModelClass, pk: unknown): Model {
    const keys = metaOf(cls).primaryKey;
    const values = keys.length > 1 && Array.isArray(pk) ? pk : [pk];
    let prepared = this.#getById.get(cls);
    if (!prepared) {
      const where = keys.map((key, i) => key.eq(values[i] as never)).reduce((all, part) => all.and(part));
      prepared = this.#prepare('get', (encoder) => cls.select().where(where).encode(encoder));
      this.#getById.set(cls, prepared);
    }
    return this.#runPrepared(prepared, values);
  }

  /** The row a foreign key points at (lazy loading): Target.get(Target.relField == id). */
  loadRelated(fk: ForeignKeyField, id: unknown): Model {
    let prepared = this.#related.get(fk);
    if (!prepared) {
      const target = this.targetOf(fk);
      const relField = metaOf(target).fieldsByName.get(fk.relField ?? '') ?? metaOf(target).primaryKey[0]!;
      prepared = this.#prepare('get', (encoder) => target.select().where(relField.eq(id as never)).encode(encoder));
      this.#related.set(fk, prepared);
    }
    return this.#runPrepared(prepared, [id]);
  }

  // The request is built and compiled with the first call's values; later calls send only
  // theirs, a lone number without an array, and read the payload off the heap.
  #prepare(run: string, encode: (encoder: Encoder) => EncodedNode): PreparedRequest {
    const [request, params] = this.#request(run, encode);
    return { id: this.#settle(this.#native()._prepare(request, params)), cache: {} };
  }

  #runPrepared(prepared: PreparedRequest, values: readonly unknown[]): Model {
    const native = this.#native();
    const only = values.length === 1 ? values[0] : undefined;
    const planKnown = prepared.cache.plan !== undefined;
    let outcome: number;
    if (typeof only === 'number') {
      if (native !== this.#addressed) {
        this.#addressed = native;
        this.#address = native._address();
      }
      outcome = this.#runtime._peewasm_run_prepared_number(this.#address, prepared.id, only, planKnown ? 1 : 0);
    } else {
      const encoder = new Encoder(this);
      for (const value of values) encoder.param(value);
      outcome = native._runPrepared(prepared.id, encoder.params, planKnown);
    }
    if (outcome !== 0) this.#settle(native._takeOutcome());
    return decodeRows(this.#reply(native), this, 'models', prepared.cache)[0] as Model;
  }

  /** The payload a numeric entry left on the heap (NativeDatabase::reply_address). */
  #reply(native: NativeDatabase): Uint8Array {
    const at = (this.#replyAt ??= native._replyAddress() >>> 2);
    const start = this.#heap.words[at]!;
    return this.#heap.bytes.subarray(start, start + this.#heap.words[at + 1]!);
  }

  #replyValues(native: NativeDatabase): HeapReplyReader {
    const at = (this.#replyAt ??= native._replyAddress() >>> 2);
    return this.#replies.start(this.#heap.words[at]!);
  }

  /** The class a foreign key points at. */
  targetOf(fk: ForeignKeyField): ModelClass {
    if (typeof fk.target !== 'string' || fk.target === 'self' || fk.resolvedTarget) {
      return fk.targetModel() as unknown as ModelClass;
    }
    const found = this.classNamed(fk.target);
    if (!found) throw new InterfaceError(`${fk.qualifiedName} points at ${fk.target}, which is not bound to this database`);
    return found;
  }

  // ---- instances ------------------------------------------------------------------------

  save(instance: Model, forceInsert: boolean, only: ReadonlyArray<string | Field> | undefined): number {
    const cls = instance.constructor as ModelClass;
    const { id, meta, coreToSlot, slotToCore } = this.bind(cls);
    const native = this.#native();
    const request = this.#requests.begin(native);
    request.u32(id);
    request.u8(forceInsert ? 1 : 0);
    const data = instance[DATA];
    let set = 0;
    for (let position = 0; position < coreToSlot.length; position++) if (data[coreToSlot[position]!] !== undefined) set++;
    request.u32(set);
    for (let position = 0, param = 0; position < coreToSlot.length; position++) {
      const slot = coreToSlot[position]!;
      if (data[slot] === undefined) continue;
      request.u32(position);
      // A loaded datetime not read yet becomes its Date first, as Peewee would send it.
      request.value(fieldValue(instance, meta.fields[slot]!), ++param);
    }
    // A forced insert writes every field set, whatever is dirty (Instance::save).
    const dirty = forceInsert ? null : instance[DIRTY];
    request.u32(dirty?.size ?? 0);
    if (dirty) for (const name of dirty) request.u32(slotToCore[meta.fieldsByName.get(name)!.slot]!);
    request.u32(only?.length ?? 0);
    for (const field of only ?? []) {
      const known = meta.fieldsByName.get(typeof field === 'string' ? field : field.name!);
      request.u32(known ? slotToCore[known.slot]! : noField);
    }
    if (native._save(request.length) !== 0) this.#settle(native._takeOutcome());
    const reply = this.#replyValues(native);
    const rows = reply.value();
    for (const field of meta.primaryKey) data[field.slot] = reply.value();
    instance[DIRTY] = null;
    return Number(rows);
  }

  /** Model.insertMany(rows).execute() of plain values (Insert.execute); the last row id. */
  insertRows(cls: ModelClass, rows: readonly Record<string, unknown>[]): number | bigint {
    const { id, meta, slotToCore } = this.bind(cls);
    const native = this.#native();
    const request = this.#requests.begin(native);
    request.u32(id);
    request.u32(rows.length);
    let param = 0;
    for (const row of rows) {
      const names = Object.keys(row);
      request.u32(names.length);
      for (const name of names) {
        request.u32(slotToCore[assignedField(meta, name).slot]!);
        request.value(row[name], ++param);
      }
    }
    if (native._insertRows(request.length) !== 0) this.#settle(native._takeOutcome());
    return this.#replyValues(native).value() as number | bigint;
  }

  deleteInstance(instance: Model): number {
    const cls = instance.constructor as ModelClass;
    const { id, meta } = this.bind(cls);
    const encoder = new Encoder(this);
    const pk = meta.primaryKey.map((field) => encoder.param(fieldValue(instance, field)));
    return Number(this.#settle(this.#native()._deleteInstance(JSON.stringify({ m: id, pk }), encoder.params)));
  }

  /** makeDefaults runs only when the row is created (a default may read the clock). */
  getOrCreate(cls: ModelClass, where: Record<string, unknown>, makeDefaults: () => Record<string, unknown>): [Model, boolean] {
    const { id, meta, coreToSlot } = this.bind(cls);
    const pairs = (encoder: Encoder, values: Record<string, unknown>) =>
      Object.entries(values).map(([name, value]) => [fieldNameOf(meta, name), encoder.param(value)]);
    const encoder = new Encoder(this);
    const request = { m: id, where: pairs(encoder, where) };
    const defaults = () => {
      const defaultsEncoder = new Encoder(this);
      const made = JSON.stringify(pairs(defaultsEncoder, makeDefaults()));
      return { pairs: made, params: defaultsEncoder.params };
    };
    const result = this.#settle(this.#native()._getOrCreate(JSON.stringify(request), encoder.params, defaults));
    const instance = blankInstance(meta);
    result.values.forEach((value, position) => {
      const field = meta.fields[coreToSlot[position]!]!;
      instance[DATA][field.slot] = value === null ? null : field.fromNative(value);
    });
    instance[REL] = null;
    return [instance, result.created];
  }

  // ---- transactions -----------------------------------------------------------------------

  atomic<R>(fn: (txn: Transaction) => R): R {
    const native = this.#native();
    const txn = new Transaction({
      begin: () => this.#settle(native._beginAtomic()),
      commit: () => this.#settle(native._commitAtomic()),
      rollBack: () => this.#settle(native._rollBackAtomic()),
    });
    this.#settle(native._beginAtomic());
    let result: R;
    try {
      result = fn(txn);
      if (result instanceof Promise) {
        throw new InterfaceError('db.atomic(fn): fn returned a Promise; the API is synchronous, so pass a plain function');
      }
    } catch (error) {
      this.#settle(native._rollBackAtomic());
      throw error;
    } finally {
      txn.close();
    }
    this.#settle(native._commitAtomic());
    return result;
  }
}

/** "<fk>_id" names the foreign key itself in the core. */
function fieldNameOf(meta: ModelMeta, name: string): string {
  return meta.objectIds.get(name)?.name ?? name;
}

/** The plain data the core defines the model from (wasm/native/bound_models.hpp). */
function specOf(meta: ModelMeta, encoder: Encoder): Record<string, unknown> {
  const { primaryKey, indexes, constraints, database: _database, ...rest } = meta.options;
  const spec: Record<string, unknown> = {
    ...rest,
    name: meta.name,
    fields: [
      ...meta.fields.map((field) => field.spec(encoder, (model) => metaOf(model as unknown as ModelClass).name)),
      ...relationsOf(meta.cls).map((field) => field.spec()),
    ],
  };
  if (rest.tableName !== undefined) spec.table = rest.tableName;
  if (primaryKey === false) spec.primaryKey = false;
  else if (primaryKey) spec.primaryKey = primaryKey.fieldNames;
  if (indexes) {
    spec.indexes = indexes.map((index) =>
      Array.isArray(index) ? { fields: index[0], unique: index[1] } : index,
    );
  }
  if (constraints) spec.constraints = constraints.map((node) => node.encode(encoder));
  return spec;
}
