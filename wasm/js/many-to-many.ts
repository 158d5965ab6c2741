// ManyToManyField: Peewee's many-to-many relation. JS records it; the core decides. The field
// travels in the model's spec, and defining the model in the core (ManyToManyField in
// core/include/peewasm/schema/fields.hpp) checks it, generates the through model (or takes
// the one given) and names the other side. From the core's description this file makes the
// through model's class, the field on both model classes and `instance.<name>` on both sides:
// the core's ManyToManyQuery, whose add / remove / clear are requests the core runs.
//
//   class Course extends BaseModel {
//     static fields = { title: new TextField(), students: new ManyToManyField(Student, { backref: 'courses' }) };
//   }
//   const Enrollment = Course.students.getThroughModel();   // for createTables([...])
//   cs101.students.add(alice);  alice.courses.remove(cs101);  cs101.students.clear();
//   for (const course of alice.courses.orderBy(Course.title)) ...
import { ImproperlyConfigured } from './errors.js';
import { ForeignKeyField } from './fields.js';
import { DATA, Model, compilerSessionFor, databaseOf, fieldValue, metaOf, sessionFor, type ModelClass } from './model.js';
import { ModelSelect, type SelectFrom } from './queries.js';
import type { EncodedNode, Encoder } from './encoder.js';
import type { ModelDescription, RelationDescription } from './session.js';

export interface ManyToManyOptions {
  /** The name of the relation on the other model (Student.courses). */
  backref?: string;
  /** A through model of your own, with a foreign key to each side, instead of a generated one. */
  throughModel?: ModelClass;
}

/** What add() and remove() take: an instance, instances, primary keys, or a query. */
export type ManyToManyItems = Model | unknown[] | ModelSelect<unknown> | number | string | bigint;

/** instance.<relation>: the related rows, and the writes to the through table. */
export type ManyToManyQuery<T = Model> = ModelSelect<T> & {
  add(items: ManyToManyItems, clearExisting?: boolean): void;
  remove(items: ManyToManyItems): number;
  clear(): number;
};

const declaredOn = new WeakMap<ModelClass, ManyToManyField[]>();
const generatedFor = new WeakMap<ModelClass, ModelClass>();

export class ManyToManyField {
  readonly target: ModelClass;
  readonly options: ManyToManyOptions;
  model: ModelClass | undefined;
  name: string | undefined;
  #through: ModelClass | undefined;

  constructor(target: ModelClass, options: ManyToManyOptions = {}) {
    if (typeof target !== 'function' || !(target.prototype instanceof Model)) {
      throw new ImproperlyConfigured(`ManyToManyField(target): the target must be a model class, not ${String(target)}`);
    }
    this.target = target;
    this.options = options;
  }

  /** Called when the declaring model is set up (internal). */
  attach(model: ModelClass, name: string): void {
    if (this.model && this.model !== model) {
      throw new ImproperlyConfigured(`${metaOf(model).name}.${name}: this ManyToManyField already belongs to ${this.model.name}`);
    }
    this.model = model;
    this.name = name;
    declaredOn.set(model, [...(declaredOn.get(model) ?? []), this]);
    defineSide(this, model, name, this.target);
  }

  /** The through model: generated once (Peewee's Course.students.get_through_model()). */
  getThroughModel(): ModelClass {
    if (this.options.throughModel) return this.options.throughModel;
    if (!this.model) throw new ImproperlyConfigured('getThroughModel(): the ManyToManyField is not on a model yet');
    if (!this.#through) compilerSessionFor(this.model).bind(this.model);
    return this.#through!;
  }

  /** @internal The field in the model's spec. */
  spec(): Record<string, unknown> {
    const fk: Record<string, unknown> = { model: metaOf(this.target).name };
    if (this.options.backref !== undefined) fk.backref = this.options.backref;
    if (this.options.throughModel) fk.through = metaOf(this.options.throughModel).name;
    return { name: this.name, type: 'ManyToManyField', fk };
  }

  /** @internal The class of the through model the core generated, made from its first description. */
  generatedThrough(description: ModelDescription): ModelClass {
    this.#through ??= throughClass(description, this.model!, this.target);
    return this.#through;
  }
}

/** @internal The relations a model class declares. */
export function relationsOf(cls: ModelClass): readonly ManyToManyField[] {
  return declaredOn.get(cls) ?? [];
}

/** @internal What the core must know before it defines `cls`: targets and through models of one's own. */
export function modelsBeforeRelations(cls: ModelClass): ModelClass[] {
  const models = relationsOf(cls).flatMap(({ target, options }) => (options.throughModel ? [target, options.throughModel] : [target]));
  return models.filter((model) => model !== cls);
}

/** @internal For a generated through model: the model whose relation generated it. */
export function declaringModelOf(cls: ModelClass): ModelClass | undefined {
  return generatedFor.get(cls);
}

/**
 * @internal Once the core has defined `cls`: the session adopts each generated through model's
 * class under the core's id, and the other side of each relation gets its accessor.
 */
export function linkRelations(
  cls: ModelClass,
  relations: readonly RelationDescription[],
  adopt: (through: ModelClass, description: ModelDescription) => void,
): void {
  for (const relation of relations) {
    const field = relationsOf(cls).find((declared) => declared.name === relation.name)!;
    if (relation.generated) adopt(field.generatedThrough(relation.through), relation.through);
    if (relation.backref !== undefined) defineSide(field, field.target, relation.backref, cls);
  }
}

/** The through model as described: its foreign keys to the two models, its table, its database. */
function throughClass(description: ModelDescription, model: ModelClass, target: ModelClass): ModelClass {
  const models = new Map([model, target].map((cls) => [metaOf(cls).name, cls]));
  const keys = description.fields.filter((field) => field.rel !== undefined);
  const database = databaseOf(model);
  const through = class extends Model {
    static override fields = Object.fromEntries(keys.map((field) => [field.name, new ForeignKeyField(models.get(field.rel!)!)]));
    static override meta = { ...(database ? { database } : {}), tableName: description.table };
  };
  Object.defineProperty(through, 'name', { value: description.name });
  generatedFor.set(through as unknown as ModelClass, model);
  return through as unknown as ModelClass;
}

/** Model.<name> (the field, for getThroughModel()) and instance.<name> (the related rows). */
function defineSide(field: ManyToManyField, owner: ModelClass, name: string, target: ModelClass): void {
  Object.defineProperty(owner, name, { value: field, writable: true, configurable: true });
  Object.defineProperty(owner.prototype, name, {
    configurable: true,
    get(this: Model) {
      return relatedRows(this, name, target);
    },
  });
}

function relatedRows(instance: Model, name: string, target: ModelClass): ManyToManyQuery {
  const relation = new Relation(instance, name);
  const write = (run: string, extra: (encoder: Encoder) => Record<string, unknown>) =>
    sessionFor(instance.constructor as ModelClass).runRequest(run, (encoder) => [relation.encode(encoder), extra(encoder)]);
  const writes = {
    add(items: ManyToManyItems, clearExisting = false): void {
      write('add', (encoder) => ({ items: encodeItems(encoder, items), clear: clearExisting }));
    },
    remove(items: ManyToManyItems): number {
      return Number(write('remove', (encoder) => ({ items: encodeItems(encoder, items) })));
    },
    clear(): number {
      return Number(write('clear', () => ({})));
    },
  };
  return Object.assign(ModelSelect.over(target, relation), writes) as ManyToManyQuery;
}

/** instance.many_to_many(name) in the core: the row it is seen from, and the relation's name. */
class Relation implements SelectFrom {
  constructor(
    readonly instance: Model,
    readonly name: string,
  ) {}
  encode(encoder: Encoder): EncodedNode {
    return { k: 'm2m', i: encodeInstance(encoder, this.instance), r: this.name };
  }
  encodeFrom(encoder: Encoder): Record<string, unknown> {
    return { m2m: this.encode(encoder) };
  }
}

/** A row as the instance holds it (decode_query.hpp's Instance). */
function encodeInstance(encoder: Encoder, instance: Model): Record<string, unknown> {
  const cls = instance.constructor as ModelClass;
  const data = instance[DATA];
  const set = metaOf(cls)
    .fields.filter((field) => data[field.slot] !== undefined)
    .map((field) => [field.name, encoder.param(fieldValue(instance, field))]);
  return { m: encoder.ids.modelId(cls), set };
}

/** A query as itself; instances as rows (the core checks their model); anything else as a key. */
function encodeItems(encoder: Encoder, items: ManyToManyItems): Record<string, unknown> {
  if (items instanceof ModelSelect) return { q: items.encode(encoder) };
  const list: unknown[] = Array.isArray(items) ? items : [items];
  if (list.length && list.every((item) => item instanceof Model)) {
    return { ins: list.map((item) => encodeInstance(encoder, item as Model)) };
  }
  return { ids: list.map((item) => encoder.param(item)) };
}
