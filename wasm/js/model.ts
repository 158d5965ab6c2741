// Model: the base class of the user's models. A model class declares its fields in
// `static fields = { username: new TextField() }` and its options in
// `static meta = { database: db }` (Peewee's class Meta). The first time the class is used it
// is set up once: fields learn their name and slot, become static members (`User.username`),
// and the prototype gets one getter/setter per field and foreign key (instances hold their
// values in one array; nothing per instance). Queries and CRUD go through the database the
// class is bound to, which sends the class's metadata to the core once.
import { DoesNotExist, ImproperlyConfigured, InterfaceError } from './errors.js';
import { Expr, type Node, type Operand } from './expressions.js';
import { AutoField, Field, ForeignKeyField } from './fields.js';
import { BackrefAccessor } from './load.js';
import { ManyToManyField } from './many-to-many.js';
import type { Encoder, Source } from './encoder.js';
import type { Database } from './database.js';
import type { SqlValue } from './values.js';
import { sessionOf, unboundCompilerSession, type Session } from './session.js';
import { Delete, Insert, ModelSelect, Update, type Selectable } from './queries.js';

/** Internal slots of an instance (symbols: they never clash with field names). */
export const DATA: unique symbol = Symbol('peewasm.data');
export const DIRTY: unique symbol = Symbol('peewasm.dirty');
export const REL: unique symbol = Symbol('peewasm.related');
/** Bit i set: slot i holds the stored value of a field that converts on first read (rawBit). */
export const RAW: unique symbol = Symbol('peewasm.raw');
const META: unique symbol = Symbol('peewasm.meta');

/** `static primaryKey = new CompositeKey('blog', 'tag')`: a primary key of several fields. */
export class CompositeKey {
  readonly fieldNames: readonly string[];
  constructor(...fieldNames: string[]) {
    this.fieldNames = fieldNames;
  }
}

/** A model class (the constructor of Model or a subclass). */
export type ModelClass<T extends Model = Model> = typeof Model & (new (values?: Record<string, unknown>) => T);

/** What the JS side knows of a model class once it is set up. */
export interface ModelMeta {
  readonly name: string;
  readonly cls: ModelClass;
  /** `static meta`, merged along the class chain. */
  readonly options: ModelOptions;
  /** In slot order. */
  readonly fields: readonly Field[];
  readonly fieldsByName: ReadonlyMap<string, Field>;
  readonly primaryKey: readonly Field[];
  readonly foreignKeys: readonly ForeignKeyField[];
  /** "<fk>_id" accessor names -> their foreign key. */
  readonly objectIds: ReadonlyMap<string, ForeignKeyField>;
  /** Makes the instances of loaded rows (results.ts): no constructor run, no defaults. */
  readonly Loaded: new () => Model;
}

type Values = Record<string, unknown>;

/** Peewee's class Meta, as `static meta = {...}`. Inherited, except tableName, withoutRowid, dependsOn. */
export interface ModelOptions {
  /** The database this model (and, inherited, its subclasses) use. */
  database?: Database;
  /** The table (default: the model name, lower-cased, as Peewee's legacy names). */
  tableName?: string;
  /** A CompositeKey, or false for a table without primary key. */
  primaryKey?: CompositeKey | false;
  /** Multi-column indexes: [[['from_user', 'to_user'], true]] or [{ fields, unique }]. */
  indexes?: ReadonlyArray<readonly [readonly string[], boolean] | { fields: readonly string[]; unique?: boolean }>;
  /** Table constraints: [Check('price > 0'), SQL('UNIQUE (a, b)')]. */
  constraints?: readonly Node[];
  legacyTableNames?: boolean;
  strictTables?: boolean;
  temporary?: boolean;
  onlySaveDirty?: boolean;
  tableSettings?: readonly string[];
  schema?: string;
  /** WITHOUT ROWID. */
  withoutRowid?: boolean;
  /** Model names created before this one. */
  dependsOn?: readonly string[];
}

const notInherited = ['tableName', 'withoutRowid', 'dependsOn'] as const;

class ModelBase {
  /** The fields: static fields = { username: new TextField(), user: new ForeignKeyField(User) }. */
  static fields: Readonly<Record<string, Field>> | undefined;
  /** The options: static meta = { database: db, tableName: 'people', indexes: [...] }. */
  static meta: ModelOptions | undefined;

  declare [DATA]: unknown[];
  declare [DIRTY]: Set<string> | null;
  declare [REL]: Record<string, unknown> | null;
  declare [RAW]: number;

  /** A new, unsaved instance with the fields' defaults and the given values. */
  constructor(values: Values = {}) {
    const meta = metaOf(new.target as ModelClass);
    // Fields are in slot order; push keeps the array packed (create() runs this per row).
    const data: unknown[] = [];
    for (const field of meta.fields) data.push(field.makeDefault());
    this[DATA] = data;
    this[DIRTY] = null;
    this[REL] = null;
    this[RAW] = 0;
    const prototype = new.target.prototype as object;
    for (const name of Object.keys(values)) setterOf(prototype, meta, name).call(this, values[name]);
  }

  // ---- the model's fields, queries and CRUD (class side) ------------------------------

  /** A model class is a query source (internal). */
  static get sourceModel(): object {
    return this;
  }
  static get sourceAlias(): undefined {
    return undefined;
  }

  /** A new source for the same table (self-joins): const Parent = Category.alias(). */
  static alias<M extends typeof Model>(this: M, name?: string): ModelAlias<M> & AliasFields<M> {
    return new ModelAlias(this as unknown as ModelClass, name) as ModelAlias<M> & AliasFields<M>;
  }

  static select<T extends Model>(this: ModelClass<T>, ...columns: Selectable[]): ModelSelect<T> {
    return ModelSelect.from<T>(this, this, columns);
  }

  /** INSERT of one row: Model.insert({ field: value }).execute() returns the new row id. */
  static insert(this: ModelClass, values: Values = {}): Insert {
    return new Insert(this, [withDefaults(this, values)]);
  }

  /** INSERT INTO this table (fields) SELECT ...: the query's columns fill `fields` in order. */
  static insertFrom(this: ModelClass, query: ModelSelect<unknown>, fields: readonly (string | Field)[]): Insert {
    const names = fields.map((field) => (typeof field === 'string' ? field : fieldName(field)));
    for (const name of names) assertSettable(metaOf(this), name);
    return new Insert(this, [], undefined, { query, fields: names });
  }

  /** INSERT of many rows: objects, or arrays of values in the order of `fields`. */
  static insertMany(this: ModelClass, rows: ReadonlyArray<Values | readonly unknown[]>, fields?: readonly (string | Field)[]): Insert {
    const names = fields?.map((field) => (typeof field === 'string' ? field : fieldName(field)));
    const objects = rows.map((row) => {
      if (!Array.isArray(row)) return withDefaults(this, row as Values);
      const order = names ?? metaOf(this).fields.map((field) => field.name!);
      return withDefaults(this, Object.fromEntries(order.map((name, i) => [name, row[i]])));
    });
    return new Insert(this, objects);
  }

  /** UPDATE: Model.update({ field: value or expression }).where(...).execute(). */
  static update(this: ModelClass, values: Values): Update {
    return new Update(this, values);
  }

  /** DELETE: Model.delete().where(...).execute(). */
  static delete(this: ModelClass): Delete {
    return new Delete(this);
  }

  /** INSERT of a new instance; returns it with its primary key set. */
  static create<T extends Model>(this: ModelClass<T>, values: Values = {}): T {
    const instance = new this(values) as T;
    instance.save({ forceInsert: true });
    return instance;
  }

  /** The one row matching the conditions (ANDed), or DoesNotExist. */
  /** get(condition, ...) or get({ field: value, ... }) (Peewee's get(**filters)). */
  static get<T extends Model>(this: ModelClass<T>, ...conditions: Array<Operand | Values>): T {
    const query = this.select() as ModelSelect<T>;
    const where = conditionsOf(this, conditions);
    return (where.length ? query.where(...where) : query).get();
  }

  static getOrNone<T extends Model>(this: ModelClass<T>, ...conditions: Array<Operand | Values>): T | null {
    try {
      return this.get(...conditions);
    } catch (error) {
      if (error instanceof DoesNotExist) return null;
      throw error;
    }
  }

  /** By primary key (an array for a composite key). */
  static getById<T extends Model>(this: ModelClass<T>, pk: unknown): T {
    return sessionFor(this).getById(this, pk) as T;
  }

  /**
   * The row matching `values` (fields and values), or a new one created with them and
   * `values.defaults`; returns [instance, created].
   */
  static getOrCreate<T extends Model>(this: ModelClass<T>, values: Values & { defaults?: Values }): [T, boolean] {
    const { defaults = {}, ...where } = values;
    const makeDefaults = () => withDefaults(this, { ...where, ...defaults }, where);
    return sessionFor(this).getOrCreate(this, where, makeDefaults) as [T, boolean];
  }

  static createTable(this: ModelClass, options: { safe?: boolean } = {}): void {
    sessionFor(this).createTables([this], options.safe ?? true);
  }

  static dropTable(this: ModelClass, options: { safe?: boolean } = {}): void {
    sessionFor(this).dropTables([this], options.safe ?? true);
  }

  // ---- an instance --------------------------------------------------------------------

  /**
   * INSERT when the primary key is unset (or forceInsert), else UPDATE of the fields (or of
   * `only`). Returns the number of rows written.
   */
  save(options: { forceInsert?: boolean; only?: ReadonlyArray<string | Field> } = {}): number {
    return sessionFor(this.constructor as ModelClass).save(this, options.forceInsert ?? false, options.only);
  }

  /** DELETE of this row, by primary key; returns the rows deleted. */
  deleteInstance(): number {
    return sessionFor(this.constructor as ModelClass).deleteInstance(this);
  }

  /** The primary key's value (an array for a composite key). */
  getId(): unknown {
    const meta = metaOf(this.constructor as ModelClass);
    const values = meta.primaryKey.map((field) => fieldValue(this, field));
    return meta.primaryKey.length === 1 ? values[0] : values;
  }

  /** Instances stand for their primary key in expressions (Tweet.user.eq(huey)). */
  keyValue(): unknown {
    return this.getId();
  }

  /** Names of the fields changed since the instance was loaded or saved. */
  get dirtyFields(): string[] {
    return [...(this[DIRTY] ?? [])];
  }

  isDirty(): boolean {
    return (this[DIRTY]?.size ?? 0) > 0;
  }

  /** Python's str(instance): the primary key. */
  toString(): string {
    const id = this.getId();
    return Array.isArray(id) ? `(${id.join(', ')})` : String(id);
  }

  /** The field values by name (foreign keys as their raw value), plus extra attributes. */
  toJSON(): Values {
    const meta = metaOf(this.constructor as ModelClass);
    const out: Values = {};
    for (const field of meta.fields) out[field.name!] = fieldValue(this, field);
    return Object.assign(out, this);
  }
}

/**
 * The exported Model is the class behind a Proxy: a static name a model class does not have
 * (User.username before anything set User up) reaches this trap with the class as receiver,
 * which sets the class up once and answers from it. Everything else passes through.
 */
const settingUp = new Set<object>();
export const Model = new Proxy(ModelBase, {
  get(target, key, receiver) {
    if (receiver === Model || typeof key !== 'string' || key in target || settingUp.has(receiver)) {
      return Reflect.get(target, key, receiver);
    }
    metaOf(receiver as ModelClass);
    return Object.hasOwn(receiver, key) ? (receiver as Record<string, unknown>)[key] : undefined;
  },
}) as typeof ModelBase;
export type Model = ModelBase;

const ALIAS_MODEL: unique symbol = Symbol('peewasm.aliasModel');
const ALIAS_IDENTITY: unique symbol = Symbol('peewasm.aliasIdentity');

/** The fields of model class M, as they read through an alias. */
export type AliasFields<M> = { readonly [K in keyof M as M[K] extends Field ? K : never]: FieldAlias };

/**
 * Model.alias(): the same table under another identity. Its fields (`Parent.name`) are
 * expressions on this source: const Parent = Category.alias();
 * Category.select(Category, Parent).join(Parent, { on: Category.parent.eq(Parent.id) }).
 * Internal state is symbol-keyed, so any field name is free.
 */
export class ModelAlias<M extends typeof Model = typeof Model> implements Source {
  readonly [ALIAS_MODEL]: M;
  readonly [ALIAS_IDENTITY]: { readonly name: string | undefined };

  constructor(model: ModelClass, name?: string) {
    this[ALIAS_MODEL] = model as unknown as M;
    this[ALIAS_IDENTITY] = { name };
    for (const field of metaOf(model).fields) {
      Object.defineProperty(this, field.name!, { value: new FieldAlias(this, field), enumerable: true });
    }
  }

  get sourceModel(): object {
    return this[ALIAS_MODEL];
  }
  get sourceAlias(): { readonly name: string | undefined } {
    return this[ALIAS_IDENTITY];
  }

  /** A select from this alias: Latest.select(Latest.user, fn.MAX(Latest.timestamp)). */
  select(...columns: Selectable[]): ModelSelect<InstanceType<M>> {
    const model = this[ALIAS_MODEL] as unknown as ModelClass;
    return ModelSelect.from<InstanceType<M>>(model, this, columns);
  }
}

/** A field read through a model alias. */
export class FieldAlias extends Expr {
  constructor(
    readonly source: ModelAlias,
    readonly field: Field,
  ) {
    super();
  }
  encode(encoder: Encoder) {
    return { k: 'f', s: encoder.source(this.source), n: this.field.name };
  }
}

// ---- set-up of a model class ------------------------------------------------------------

export function isModelClass(value: unknown): value is ModelClass {
  return typeof value === 'function' && value.prototype instanceof Model;
}

/** The class name (recovered from the source when a field named `name` replaced it). */
function modelNameOf(cls: ModelClass): string {
  const own = Object.getOwnPropertyDescriptor(cls, 'name');
  if (own && typeof own.value === 'string' && own.value) return own.value;
  const declared = /^class\s+([A-Za-z_$][\w$]*)/.exec(Function.prototype.toString.call(cls));
  if (declared) return declared[1]!;
  throw new ImproperlyConfigured('a model class needs a name: declare it as `class Name extends ...`');
}

function own<T>(cls: object, key: string): T | undefined {
  return Object.getOwnPropertyDescriptor(cls, key)?.value as T | undefined;
}

/** The options of `static meta` along the class chain, with Peewee's inheritance rules. */
function optionsOf(cls: ModelClass, parent: ModelMeta | undefined): ModelOptions {
  const inherited: Record<string, unknown> = { ...parent?.options };
  for (const key of notInherited) delete inherited[key];
  return { ...inherited, ...own<ModelOptions>(cls, 'meta') };
}

/** The model's metadata, setting the class up on first use. */
export function metaOf(cls: ModelClass): ModelMeta {
  if (Object.hasOwn(cls, META)) return (cls as unknown as Record<symbol, ModelMeta>)[META]!;
  if (!isModelClass(cls)) throw new ImproperlyConfigured(`${String(cls)} is not a model class; extend Model`);
  settingUp.add(cls);
  try {
    return setUp(cls);
  } finally {
    settingUp.delete(cls);
  }
}

function setUp(cls: ModelClass): ModelMeta {
  const name = modelNameOf(cls);
  const parentClass = Object.getPrototypeOf(cls) as ModelClass;
  const parent = isModelClass(parentClass) ? metaOf(parentClass) : undefined;
  const options = optionsOf(cls, parent);

  const own: Field[] = [];
  const manyToMany: Array<[string, ManyToManyField]> = [];
  for (const [key, value] of Object.entries(ownFields(cls) ?? {})) {
    // No column: it links through a model of its own, set up once this one is.
    if (value instanceof ManyToManyField) {
      manyToMany.push([key, value]);
      continue;
    }
    if (!(value instanceof Field)) {
      throw new ImproperlyConfigured(`${name}.fields.${key} is not a field; use new TextField(), new IntegerField(), ...`);
    }
    if (value.model && value.model !== (cls as unknown)) {
      throw new ImproperlyConfigured(
        `${name}.${key}: this field object already belongs to ${value.qualifiedName}; give each model its own field`,
      );
    }
    value.name = key;
    own.push(value);
  }
  const fields: Field[] = [];
  for (const field of parent?.fields ?? []) {
    if (own.some((f) => f.name === field.name) || isImplicit(field)) continue;
    const copy = field.clone();
    copy.name = field.name;
    fields.push(copy);
  }
  fields.push(...own);

  const composite = options.primaryKey;
  if (!fields.some((field) => field.options.primaryKey) && composite === undefined) {
    const id = new AutoField();
    id.name = 'id';
    implicitFields.add(id);
    fields.unshift(id);
  }
  fields.forEach((field, slot) => {
    field.model = cls as unknown as Source;
    field.modelName = name;
    field.slot = slot;
    // The field as a static member: User.username (replaces the class's own `name` too).
    Object.defineProperty(cls, field.name!, { value: field, writable: true, configurable: true });
  });
  const fieldsByName = new Map(fields.map((field) => [field.name!, field]));
  const primaryKey =
    composite instanceof CompositeKey
      ? composite.fieldNames.map((key) => requireField(name, fieldsByName, key))
      : fields.filter((field) => field.options.primaryKey);
  const foreignKeys = fields.filter((field): field is ForeignKeyField => field instanceof ForeignKeyField);
  const objectIds = new Map(foreignKeys.map((fk) => [objectIdName(fk), fk]));
  const Loaded = loadedInstances(cls, fields.length);
  const meta: ModelMeta = { name, cls, options, fields, fieldsByName, primaryKey, foreignKeys, objectIds, Loaded };
  Object.defineProperty(cls, META, { value: meta });
  defineAccessors(meta);
  for (const [key, field] of manyToMany) field.attach(cls, key);
  return meta;
}

// A plain function over the class's prototype: `new` gives every loaded row one shape with
// its four slots inside the object, cheaper than Object.create() and four stores; the slots'
// array is a copy of a packed one, cheaper than new Array(n).fill().
function loadedInstances(cls: ModelClass, fieldCount: number): new () => Model {
  const empty: unknown[] = Array.from({ length: fieldCount });
  function Loaded(this: Model): void {
    this[DATA] = empty.slice();
    this[DIRTY] = null;
    this[REL] = null;
    this[RAW] = 0;
  }
  Loaded.prototype = cls.prototype;
  // One instance, never handed out, lives as long as the model: it keeps the shape of loaded
  // rows alive through full GCs, so the code that reads them is not thrown away (results.ts).
  Object.defineProperty(Loaded, 'shape', { value: new (Loaded as unknown as new () => Model)() });
  return Loaded as unknown as new () => Model;
}

function ownFields(cls: ModelClass): Record<string, unknown> | undefined {
  const fields = own<Record<string, unknown>>(cls, 'fields');
  if (fields !== undefined && (typeof fields !== 'object' || fields === null)) {
    throw new ImproperlyConfigured(`${modelNameOf(cls)}.fields must be an object of fields: { name: new TextField() }`);
  }
  return fields;
}

const implicitFields = new WeakSet<Field>();
function isImplicit(field: Field): boolean {
  return implicitFields.has(field);
}

function requireField(model: string, fields: ReadonlyMap<string, Field>, name: string): Field {
  const field = fields.get(name);
  if (!field) {
    throw new ImproperlyConfigured(`${model} has no field "${name}"; its fields are ${[...fields.keys()].join(', ')}`);
  }
  return field;
}

// The core's rule (registry.cpp): the column name when one was given, else "<name>_id".
function objectIdName(fk: ForeignKeyField): string {
  const column = fk.options.columnName ?? (fk.name!.endsWith('_id') ? fk.name! : `${fk.name}_id`);
  return column === fk.name ? `${fk.name}_id` : column;
}

function fieldName(field: Field): string {
  if (field.name === undefined && field.model) metaOf(field.model as unknown as ModelClass);
  return field.name!;
}

function assertSettable(meta: ModelMeta, name: string): void {
  assignedField(meta, name);
}

/** The field a value is given for: its name, or "<fk>_id" for a foreign key (internal). */
export function assignedField(meta: ModelMeta, name: string): Field {
  const field = meta.fieldsByName.get(name) ?? meta.objectIds.get(name);
  if (field) return field;
  throw new ImproperlyConfigured(
    `${meta.name} has no field "${name}"; its fields are ${[...meta.fieldsByName.keys()].join(', ')}`,
  );
}

type Setter = (this: Model, value: unknown) => void;
const settersByPrototype = new WeakMap<object, Map<string, Setter>>();

/**
 * What `instance[name] = value` runs for a field name: the accessor found along the
 * prototype chain, looked up once per class and name. (A keyed store to a name that
 * varies is V8's slow path; new Model(values) and create() do one per value.)
 */
function setterOf(prototype: object, meta: ModelMeta, name: string): Setter {
  let setters = settersByPrototype.get(prototype);
  if (!setters) settersByPrototype.set(prototype, (setters = new Map()));
  let setter = setters.get(name);
  if (!setter) {
    assertSettable(meta, name);
    setter = accessorSetter(prototype, name) ?? function (this: Model, value: unknown) {
      (this as unknown as Values)[name] = value;
    };
    setters.set(name, setter);
  }
  return setter;
}

function accessorSetter(prototype: object, name: string): Setter | undefined {
  for (let at: object | null = prototype; at; at = Object.getPrototypeOf(at) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return descriptor.set as Setter | undefined;
  }
  return undefined;
}

function markDirty(instance: Model, name: string): void {
  (instance[DIRTY] ??= new Set()).add(name);
}

/**
 * The bit of `field` in an instance's RAW mask: a loaded Date is built on the field's first
 * read, not for every row decoded. 0 (convert while decoding) for fields that return their
 * value as is, and past slot 30 (a 31-bit mask).
 */
export function rawBit(field: Field): number {
  return field.convertsOnRead && field.slot < 31 ? 1 << field.slot : 0;
}

function convertRaw(instance: Model, field: Field, bit: number): unknown {
  instance[RAW] &= ~bit;
  const data = instance[DATA];
  return (data[field.slot] = field.fromNative(data[field.slot] as SqlValue));
}

/** A field's value as its getter returns it (a stored datetime converted and kept). */
export function fieldValue(instance: Model, field: Field): unknown {
  const bit = rawBit(field);
  return instance[RAW] & bit ? convertRaw(instance, field, bit) : instance[DATA][field.slot];
}

function defineAccessors(meta: ModelMeta): void {
  const proto = meta.cls.prototype as object;
  for (const field of meta.fields) {
    const { slot } = field;
    const name = field.name!;
    if (field instanceof ForeignKeyField) {
      defineForeignKey(proto, meta, field);
      continue;
    }
    const bit = rawBit(field);
    if (bit !== 0) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: Model) {
          return this[RAW] & bit ? convertRaw(this, field, bit) : this[DATA][slot];
        },
        set(this: Model, value: unknown) {
          this[DATA][slot] = value;
          this[RAW] &= ~bit;
          markDirty(this, name);
        },
      });
      continue;
    }
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: Model) {
        return this[DATA][slot];
      },
      set(this: Model, value: unknown) {
        this[DATA][slot] = value;
        markDirty(this, name);
      },
    });
  }
}

function defineForeignKey(proto: object, meta: ModelMeta, fk: ForeignKeyField): void {
  const { slot } = fk;
  const name = fk.name!;
  Object.defineProperty(proto, name, {
    configurable: true,
    get(this: Model) {
      const related = this[REL]?.[name];
      if (related !== undefined) return related;
      const id = this[DATA][slot];
      if (id === null || id === undefined) return null;
      if (fk.options.lazyLoad === false) return id;
      const loaded = sessionFor(meta.cls).loadRelated(fk, id);
      (this[REL] ??= {})[name] = loaded;
      return loaded;
    },
    set(this: Model, value: unknown) {
      // ModelBase, not the exported Proxy: instanceof on the Proxy runs its trap twice.
      if (value instanceof ModelBase) {
        const target = fk.options.field;
        this[DATA][slot] = target ? (value as unknown as Values)[typeof target === 'string' ? target : target.name!] : value.keyValue();
        (this[REL] ??= {})[name] = value;
      } else {
        this[DATA][slot] = value;
        if (this[REL]) delete this[REL][name];
      }
      markDirty(this, name);
    },
  });
  Object.defineProperty(proto, objectIdName(fk), {
    configurable: true,
    get(this: Model) {
      return this[DATA][slot];
    },
    set(this: Model, value: unknown) {
      this[DATA][slot] = value;
      if (this[REL]) delete this[REL][name];
      markDirty(this, name);
    },
  });
}

/**
 * The reverse of a foreign key on the model it points at: `user.tweets` is the select of
 * the user's tweets (Peewee's BackrefAccessor), unless eager loading attached a list.
 */
export function defineBackref(target: ModelClass, name: string, fk: ForeignKeyField, relField: string): void {
  const proto = target.prototype as object;
  // A field keeps its name; between two foreign keys naming one backref, the later wins (the core's rule).
  if (metaOf(target).fieldsByName.has(name)) return;
  Object.defineProperty(target, name, {
    value: new BackrefAccessor(target as unknown as Source, name, fk),
    writable: true,
    configurable: true,
  });
  const source = fk.model as unknown as ModelClass;
  Object.defineProperty(proto, name, {
    configurable: true,
    get(this: Model) {
      const loaded = this[REL]?.[name];
      if (loaded !== undefined) return loaded;
      return source.select().where(fk.eq((this as unknown as Values)[relField] as Operand));
    },
  });
}

/** Conditions, with a plain object read as field == value for each entry (Peewee's **filters). */
function conditionsOf(cls: ModelClass, conditions: ReadonlyArray<Operand | Values>): Operand[] {
  return conditions.flatMap((condition) => {
    if (Object.getPrototypeOf(condition) !== Object.prototype) return [condition as Operand];
    const meta = metaOf(cls);
    return Object.entries(condition as Values).map(([name, value]) => {
      assertSettable(meta, name);
      const field = meta.fieldsByName.get(name) ?? meta.objectIds.get(name)!;
      return field.eq(value as Operand);
    });
  });
}

/** Values with the defaults of the fields they leave out (Peewee adds defaults to inserts). */
function withDefaults(cls: ModelClass, values: Values, skip: Values = values): Values {
  const meta = metaOf(cls);
  for (const name of Object.keys(values)) assertSettable(meta, name);
  const out: Values = {};
  for (const field of meta.fields) {
    if (field.options.default !== undefined && !(field.name! in skip) && !(field.name! in values)) {
      out[field.name!] = field.makeDefault();
    }
  }
  return Object.assign(out, values);
}

const BOUND_DATABASE: unique symbol = Symbol('peewasm.database');

/** db.bind([...]): this class uses `db`, whatever its meta says (Peewee's bind). */
export function bindDatabase(cls: ModelClass, db: Database): void {
  metaOf(cls);
  Object.defineProperty(cls, BOUND_DATABASE, { value: db, configurable: true });
}

/** The database the class uses: db.bind's, else its meta's (inherited). */
export function databaseOf(cls: ModelClass): Database | undefined {
  const meta = metaOf(cls);
  return Object.hasOwn(cls, BOUND_DATABASE) ? (cls as unknown as Record<symbol, Database>)[BOUND_DATABASE] : meta.options.database;
}

/** The session that compiles the class's queries: its database's, or for a model bound to
 *  none (Peewee compiles those too) a private one, once the module has loaded. */
export function compilerSessionFor(cls: ModelClass): Session {
  if (databaseOf(cls)) return sessionFor(cls);
  const session = unboundCompilerSession();
  if (session) return session;
  throw new InterfaceError(
    `${metaOf(cls).name} has no database and the wasm module has not loaded yet: ` +
      'await Database.ready() (or Database.open()) before calling sql()',
  );
}

/** The session of the database the class is bound to. */
export function sessionFor(cls: ModelClass): Session {
  const db = databaseOf(cls);
  if (!db) {
    throw new ImproperlyConfigured(
      `${metaOf(cls).name} has no database: give it (or its base class) \`static meta = { database: db }\`, ` +
        'or call db.bind([...models])',
    );
  }
  const session = sessionOf(db);
  if (!session) throw new InterfaceError(`${metaOf(cls).name}: meta.database is not a peewasm Database`);
  return session;
}
