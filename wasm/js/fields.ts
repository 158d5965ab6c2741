// Field classes with Peewee's names and options. A field declared on a model class
// (`static username = new TextField()`) is also an expression for queries
// (`User.username.eq('huey')`). Its metadata goes to the core once, when the model is bound.
import { ImproperlyConfigured } from './errors.js';
import { Expr, type Node } from './expressions.js';
import { parseDateTime, type SqlValue } from './values.js';
import type { Encoder, EncodedNode, Source } from './encoder.js';

export interface FieldOptions {
  /** NULL allowed (default false: NOT NULL). */
  null?: boolean;
  index?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  /** The column's name (default: the field's name; foreign keys: name + '_id'). */
  columnName?: string;
  /** A value, or a function called for each new instance (e.g. () => new Date()). */
  default?: unknown;
  /** Extra column constraints: [Check('price > 0'), SQL('DEFAULT 0')]. */
  constraints?: Node[];
  collation?: string;
  /** Metadata only, never enforced (as in Peewee). */
  choices?: ReadonlyArray<readonly [unknown, string]>;
  helpText?: string;
  verboseName?: string;
  sequence?: string;
  indexType?: string;
  unindexed?: boolean;
}

/** A model class as fields see it (model.ts defines the real one). */
export type FieldOwner = Source;

/** Base of every field: options, the model it belongs to once bound, and its operators. */
export class Field extends Expr implements Source {
  /** The core's field class (sent in the model's spec). */
  static readonly fieldType: string = 'BareField';

  readonly options: FieldOptions;
  /** Set when the model class is set up: the class, this field's name and its slot. */
  model: FieldOwner | undefined;
  modelName: string | undefined;
  name: string | undefined;
  /** Position of the value in an instance's data. */
  slot = -1;

  constructor(options: FieldOptions = {}) {
    super();
    this.options = options;
  }

  get fieldType(): string {
    return (this.constructor as typeof Field).fieldType;
  }

  /** The field's model, for Source (a field of an aliased model is a FieldAlias). */
  get sourceModel(): object {
    return this.owner().sourceModel;
  }
  get sourceAlias(): undefined {
    return undefined;
  }

  /** "Tweet.user", for messages. */
  get qualifiedName(): string {
    return `${this.modelName ?? '?'}.${this.name ?? '?'}`;
  }

  /** A new instance's value: the default (called when it is a function), or undefined. */
  makeDefault(): unknown {
    const value = this.options.default;
    return typeof value === 'function' ? (value as () => unknown)() : value;
  }

  /** The JS value for a value the core returned (Dates for datetimes). */
  fromNative(value: SqlValue): unknown {
    return value;
  }

  /**
   * Whether fromNative builds a new object (a Date): loaded instances then keep the stored
   * value and convert it on the field's first read (model.ts, rawBit).
   */
  get convertsOnRead(): boolean {
    return false;
  }

  /** A copy for a subclass of the model (inherited fields belong to each model). */
  clone(): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    Object.assign(copy, this, { model: undefined, modelName: undefined, name: undefined, slot: -1 });
    return copy;
  }

  encode(encoder: Encoder): EncodedNode {
    return { k: 'f', s: encoder.source(this.owner()), n: this.name };
  }

  /** The plain data the core defines this field from (wasm/native/bound_models.hpp). */
  spec(encoder: Encoder, nameOf: (model: FieldOwner) => string): Record<string, unknown> {
    const o = this.options;
    const spec: Record<string, unknown> = { name: this.name, type: this.fieldType };
    const copy = (key: string, value: unknown) => {
      if (value !== undefined) spec[key] = value;
    };
    copy('null', o.null);
    copy('index', o.index);
    copy('unique', o.unique);
    copy('primaryKey', o.primaryKey);
    copy('column', o.columnName);
    copy('collation', o.collation);
    copy('sequence', o.sequence);
    copy('indexType', o.indexType);
    copy('unindexed', o.unindexed);
    if (o.constraints) spec.constraints = o.constraints.map((node) => node.encode(encoder));
    Object.assign(spec, this.typeSpec(nameOf));
    return spec;
  }

  /** Type-specific options for the spec. */
  protected typeSpec(_nameOf: (model: FieldOwner) => string): Record<string, unknown> {
    return {};
  }

  private owner(): FieldOwner {
    if (!this.model) {
      throw new ImproperlyConfigured(
        `a ${this.fieldType} was used before its model class was set up; use the model first ` +
          '(e.g. Model.select()) or bind it with db.bind([...models])',
      );
    }
    return this.model;
  }
}

export class AutoField extends Field {
  static override readonly fieldType: string = 'AutoField';
  constructor(options: FieldOptions = {}) {
    super({ ...options, primaryKey: true });
  }
}
export class BigAutoField extends AutoField {
  static override readonly fieldType: string = 'BigAutoField';
}
export class IdentityField extends AutoField {
  static override readonly fieldType: string = 'IdentityField';
}
export class IntegerField extends Field {
  static override readonly fieldType: string = 'IntegerField';
}
export class BigIntegerField extends Field {
  static override readonly fieldType: string = 'BigIntegerField';
}
export class SmallIntegerField extends Field {
  static override readonly fieldType: string = 'SmallIntegerField';
}
export class FloatField extends Field {
  static override readonly fieldType: string = 'FloatField';
}
export class DoubleField extends Field {
  static override readonly fieldType: string = 'DoubleField';
}

export interface DecimalFieldOptions extends FieldOptions {
  maxDigits?: number;
  decimalPlaces?: number;
  autoRound?: boolean;
}
/** Decimals travel as text ('12.34000') so no digit is lost. */
export class DecimalField extends Field {
  static override readonly fieldType: string = 'DecimalField';
  declare readonly options: DecimalFieldOptions;
  constructor(options: DecimalFieldOptions = {}) {
    super(options);
  }
  protected override typeSpec() {
    const { maxDigits, decimalPlaces, autoRound } = this.options;
    return { maxDigits, decimalPlaces, autoRound };
  }
}

export interface CharFieldOptions extends FieldOptions {
  maxLength?: number;
}
export class CharField extends Field {
  static override readonly fieldType: string = 'CharField';
  declare readonly options: CharFieldOptions;
  constructor(options: CharFieldOptions = {}) {
    super(options);
  }
  protected override typeSpec() {
    return { maxLength: this.options.maxLength };
  }
}
export class FixedCharField extends CharField {
  static override readonly fieldType: string = 'FixedCharField';
}
export class TextField extends Field {
  static override readonly fieldType: string = 'TextField';
}
export class BlobField extends Field {
  static override readonly fieldType: string = 'BlobField';
}
export class UUIDField extends Field {
  static override readonly fieldType: string = 'UUIDField';
}
export class BinaryUUIDField extends Field {
  static override readonly fieldType: string = 'BinaryUUIDField';
}

export interface TemporalFieldOptions extends FieldOptions {
  /** strptime-style formats accepted when reading text ('%Y-%m-%d %H:%M:%S'). */
  formats?: string[];
}
/** Base of the date and time fields: the formats option. */
abstract class TemporalField extends Field {
  declare readonly options: TemporalFieldOptions;
  constructor(options: TemporalFieldOptions = {}) {
    super(options);
  }
  protected override typeSpec() {
    return { formats: this.options.formats };
  }
}
/** Values are Dates (local time, like Python's naive datetimes); Dates or text go in. */
export class DateTimeField extends TemporalField {
  static override readonly fieldType: string = 'DateTimeField';
  override fromNative(value: SqlValue): unknown {
    return parseDateTime(value);
  }
  override get convertsOnRead(): boolean {
    return true;
  }
}
/** Values are 'YYYY-MM-DD' text (JS has no date-only type); a Date goes in as its day. */
export class DateField extends TemporalField {
  static override readonly fieldType: string = 'DateField';
}
/** Values are 'HH:MM:SS' text. */
export class TimeField extends TemporalField {
  static override readonly fieldType: string = 'TimeField';
}

export interface TimestampFieldOptions extends FieldOptions {
  /** 1 = seconds (default), 1000 = milliseconds, ... */
  resolution?: number;
  utc?: boolean;
}
/** Stored as an integer timestamp; values are Dates. */
export class TimestampField extends Field {
  static override readonly fieldType: string = 'TimestampField';
  declare readonly options: TimestampFieldOptions;
  constructor(options: TimestampFieldOptions = {}) {
    super(options);
  }
  override fromNative(value: SqlValue): unknown {
    return parseDateTime(value);
  }
  override get convertsOnRead(): boolean {
    return true;
  }
  protected override typeSpec() {
    return { resolution: this.options.resolution, utc: this.options.utc };
  }
}
export class IPField extends Field {
  static override readonly fieldType: string = 'IPField';
}
export class BooleanField extends Field {
  static override readonly fieldType: string = 'BooleanField';
}
/** An integer of flags; default 0. */
export class BitField extends Field {
  static override readonly fieldType: string = 'BitField';
  constructor(options: FieldOptions = {}) {
    super({ default: 0, ...options });
  }
}
export class BigBitField extends Field {
  static override readonly fieldType: string = 'BigBitField';
  constructor(options: FieldOptions = {}) {
    super({ default: () => new Uint8Array(0), ...options });
  }
}
export class BareField extends Field {
  static override readonly fieldType: string = 'BareField';
}

export interface ForeignKeyOptions extends FieldOptions {
  /** The name of the reverse accessor on the target (default: '<model>_set'; '+' for none). */
  backref?: string;
  /** The target field, or its name (default: its primary key), as Peewee's field=. */
  field?: Field | string;
  onDelete?: string;
  onUpdate?: string;
  deferrable?: string;
  /** false: reading the field gives the id instead of fetching the row. */
  lazyLoad?: boolean;
}

/** A model class, a model's name, or 'self'. */
export type ForeignKeyTarget = FieldOwner | string;

/**
 * A foreign key: `static user = new ForeignKeyField(User, { backref: 'tweets' })`. Instances
 * read the related row (`tweet.user`, loaded lazily unless the query joined it) and the raw
 * value (`tweet.user_id`).
 */
export class ForeignKeyField extends Field {
  static override readonly fieldType: string = 'ForeignKeyField';
  declare readonly options: ForeignKeyOptions;
  readonly target: ForeignKeyTarget;
  /** Filled when the model is bound: the target field's name and the backref's. */
  relField: string | undefined;
  backrefName: string | undefined;
  /** A target named by string, once a database has bound it. */
  resolvedTarget: Source | undefined;

  constructor(target: ForeignKeyTarget, options: ForeignKeyOptions = {}) {
    super(options);
    if (typeof target !== 'string' && typeof target !== 'function') {
      throw new ImproperlyConfigured(
        `ForeignKeyField(target): the target must be a model class, a model name or 'self', not ${String(target)}`,
      );
    }
    this.target = target;
  }


  protected deferred(): boolean {
    return false;
  }

  /** The target model class ('self': this field's model; a name: once bound). */
  targetModel(): Source {
    if (typeof this.target !== 'string') return this.target;
    if (this.target === 'self' && this.model) return this.model;
    if (this.resolvedTarget) return this.resolvedTarget;
    throw new ImproperlyConfigured(
      `${this.qualifiedName} names its target '${this.target}'; bind that model to the database first`,
    );
  }

  protected override typeSpec(nameOf: (model: FieldOwner) => string) {
    const o = this.options;
    return {
      fk: {
        model: typeof this.target === 'string' ? this.target : nameOf(this.target),
        toField: typeof o.field === 'string' ? o.field : o.field?.name,
        backref: o.backref,
        onDelete: o.onDelete,
        onUpdate: o.onUpdate,
        deferrable: o.deferrable,
        lazyLoad: o.lazyLoad,
        deferred: this.deferred(),
      },
    };
  }
}

/** A foreign key to a model defined later, named by string; no constraint in CREATE TABLE. */
export class DeferredForeignKey extends ForeignKeyField {
  constructor(target: string, options: ForeignKeyOptions = {}) {
    super(target, options);
  }
  protected override deferred(): boolean {
    return true;
  }
}
