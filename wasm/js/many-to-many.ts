// ManyToManyField: Peewee's many-to-many relation. It adds no column; the rows are linked
// through a model of their own, generated like Peewee's (CourseStudentThrough, table
// course_student_through, a foreign key to each side and a unique index on the pair):
//
//   class Course extends BaseModel {
//     static fields = { title: new TextField(), students: new ManyToManyField(Student, { backref: 'courses' }) };
//   }
//   const Enrollment = Course.students.getThroughModel();   // for createTables([...])
//   cs101.students.add(alice);  alice.courses.remove(cs101);  cs101.students.clear();
//   for (const course of alice.courses.orderBy(Course.title)) ...
//
// `instance.<name>` (both sides) is a select of the related rows through the through model,
// with add / remove / clear, which write the through table with the statements Peewee sends.
import { ImproperlyConfigured } from './errors.js';
import { ForeignKeyField, type Field } from './fields.js';
import { JOIN, Value, type Operand } from './expressions.js';
import { Model, databaseOf, metaOf, type ModelClass } from './model.js';
import type { ModelSelect } from './queries.js';

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

/** One side of the relation: the model it is seen from, and where it leads. */
interface Side {
  readonly name: string;
  readonly model: ModelClass;
  readonly target: ModelClass;
  /** The through model's foreign keys to this side's model (src) and to the target (dest). */
  readonly src: () => ForeignKeyField;
  readonly dest: () => ForeignKeyField;
}

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
    const declared: Side = { name, model, target: this.target, src: () => this.#fk(model), dest: () => this.#fk(this.target) };
    defineSide(this, name, declared);
    if (this.options.backref) {
      const reverse: Side = { name: this.options.backref, model: this.target, target: model, src: declared.dest, dest: declared.src };
      defineSide(this, this.options.backref, reverse);
    }
  }

  /** The through model: generated once (Peewee's Course.students.get_through_model()). */
  getThroughModel(): ModelClass {
    if (this.options.throughModel) return this.options.throughModel;
    if (!this.model) throw new ImproperlyConfigured('getThroughModel(): the ManyToManyField is not on a model yet');
    this.#through ??= generateThrough(this.model, this.target);
    return this.#through;
  }

  #fk(model: ModelClass): ForeignKeyField {
    const through = this.getThroughModel();
    const meta = metaOf(through);
    const fk = meta.foreignKeys.find((field) => field.targetModel() === (model as unknown));
    if (!fk) {
      throw new ImproperlyConfigured(`${meta.name} has no foreign key to ${metaOf(model).name}; a through model needs one to each side`);
    }
    return fk;
  }
}

/** CourseStudentThrough: table course_student_through, FKs course and student, unique pair. */
function generateThrough(model: ModelClass, target: ModelClass): ModelClass {
  const [a, b] = [metaOf(model).name, metaOf(target).name];
  const [left, right] = [a.toLowerCase(), b.toLowerCase()];
  const database = databaseOf(model);
  const through = class extends Model {
    static override fields = { [left]: new ForeignKeyField(model), [right]: new ForeignKeyField(target) };
    static override meta = {
      ...(database ? { database } : {}),
      tableName: `${tableNameOf(model)}_${tableNameOf(target)}_through`,
      indexes: [[[left, right], true]] as [string[], boolean][],
    };
  };
  Object.defineProperty(through, 'name', { value: `${a}${b}Through` });
  return through as unknown as ModelClass;
}

function tableNameOf(model: ModelClass): string {
  return metaOf(model).options.tableName ?? metaOf(model).name.toLowerCase();
}

/** Model.<name> (the field, for getThroughModel()) and instance.<name> (the query). */
function defineSide(field: ManyToManyField, name: string, side: Side): void {
  Object.defineProperty(side.model, name, { value: field, writable: true, configurable: true });
  Object.defineProperty(side.model.prototype, name, {
    configurable: true,
    get(this: Model) {
      return relatedQuery(this, side);
    },
  });
}

function relatedQuery(instance: Model, side: Side): ManyToManyQuery {
  const src = side.src();
  const dest = side.dest();
  const through = src.model as unknown as ModelClass;
  const ownerPk = primaryKeyOf(side.model);
  const targetPk = primaryKeyOf(side.target);
  const ownerId = (): unknown => {
    const id = instance.getId();
    if (id === null || id === undefined) {
      throw new ImproperlyConfigured(`${metaOf(side.model).name} instance is not saved: save() it before using its many-to-many rows`);
    }
    return id;
  };
  const query = side.target
    .select()
    .join(through, JOIN.INNER, { on: dest.eq(targetPk) })
    .join(side.model, JOIN.INNER, { on: src.eq(ownerPk) })
    .where(src.eq(ownerId() as Operand));
  const idsOf = (items: unknown[], verb: string): unknown[] =>
    items.map((item) => {
      if (!(item instanceof Model)) return item;
      const itemModel = item.constructor as ModelClass;
      if (!(item instanceof (side.target as unknown as typeof Model))) {
        throw new ImproperlyConfigured(
          `${metaOf(side.model).name}.${side.name}.${verb}(): got a ${metaOf(itemModel).name} instance; ` +
            `the relation holds ${metaOf(side.target).name} rows`,
        );
      }
      const id = item.getId();
      if (id === null || id === undefined) {
        throw new ImproperlyConfigured(
          `${metaOf(side.model).name}.${side.name}.${verb}(): the ${metaOf(side.target).name} instance is not saved; save() it first`,
        );
      }
      return id;
    });
  const asQuery = (items: ManyToManyItems): ModelSelect<unknown> | undefined => {
    if (items instanceof Model || Array.isArray(items) || typeof items !== 'object' || items === null) return undefined;
    const selected = items as ModelSelect<unknown>;
    if (selected.model !== side.target) {
      throw new ImproperlyConfigured(
        `${metaOf(side.model).name}.${side.name}: got a query of ${metaOf(selected.model).name}; ` +
          `the relation holds ${metaOf(side.target).name} rows`,
      );
    }
    return selected;
  };
  const list = (items: ManyToManyItems): unknown[] => (Array.isArray(items) ? items : [items]);
  const writes = {
    add(items: ManyToManyItems, clearExisting = false): void {
      if (clearExisting) writes.clear();
      const selected = asQuery(items);
      if (selected) {
        through.insertFrom(selected.select(Value(ownerId() as never), targetPk), [src, dest]).execute();
        return;
      }
      const ids = idsOf(list(items), 'add');
      if (!ids.length) return;
      through.insertMany(ids.map((id) => ({ [src.name!]: ownerId(), [dest.name!]: id }))).execute();
    },
    remove(items: ManyToManyItems): number {
      const selected = asQuery(items);
      const matching = selected ? dest.in(selected.select(targetPk)) : dest.in(idsOf(list(items), 'remove') as Operand[]);
      return through.delete().where(matching.and(src.eq(ownerId() as Operand))).execute();
    },
    clear(): number {
      return through.delete().where(src.eq(ownerId() as Operand)).execute();
    },
  };
  return Object.assign(query, writes) as ManyToManyQuery;
}

function primaryKeyOf(model: ModelClass): Field {
  const [pk, ...rest] = metaOf(model).primaryKey;
  if (!pk || rest.length) {
    throw new ImproperlyConfigured(`${metaOf(model).name}: a many-to-many relation needs a single-column primary key`);
  }
  return pk;
}
