// Queries as immutable recordings: every builder call returns a new query that remembers
// the call (a persistent list of [method, ...arguments]). Running or sql() encodes the list
// once; the core replays it on its own query objects (wasm/native/decode_query.cpp), so join
// inference, aliases and SQL have one implementation.
import { ImproperlyConfigured } from './errors.js';
import { rejectFilterObjects } from './filter-objects.js';
import { Expr, JOIN, Node, encodeOperand, type JoinType, type Operand } from './expressions.js';
import type { EncodedNode, Encoder, Source } from './encoder.js';
import type { SqlValue } from './values.js';
import { Model, assignedField, metaOf, compilerSessionFor, sessionFor, type ModelClass } from './model.js';
import type { Load, PrefetchType } from './load.js';
import { addCompoundMethods, type Combinable } from './compound.js';

/** What a select list takes: fields, expressions, whole models and model aliases. */
export type Selectable = Operand | Source;

/** How rows come back: model instances (default), plain objects, arrays, or flat instances. */
export type RowType = 'models' | 'dicts' | 'tuples' | 'objects';

/** A row of dicts(): column name -> value. */
export type DictRow = Record<string, unknown>;

export interface JoinOptions {
  type?: JoinType;
  /** The join condition, or the foreign key to join on (several keys to one model). */
  on?: Expr;
  /** Where joined instances go on the instances they join (default: the foreign key's name). */
  attr?: string;
}

type Op = readonly [string, ...unknown[]];

interface Recording {
  readonly op: Op;
  readonly previous: Recording | null;
}

function isSource(value: unknown): value is Source {
  return (
    (typeof value === 'function' || typeof value === 'object') &&
    value !== null &&
    !(value instanceof Node) &&
    'sourceModel' in value
  );
}

function encodeSelection(encoder: Encoder, item: Selectable): EncodedNode {
  if (isSource(item)) return { k: 'model', s: encoder.source(item) };
  return encodeOperand(encoder, item);
}

function encodeArgument(encoder: Encoder, arg: unknown): unknown {
  if (arg instanceof SelectionList) return arg.items.map((item) => encodeSelection(encoder, item));
  if (arg instanceof ExprList) return arg.items.map((item) => encodeOperand(encoder, item));
  if (arg instanceof SourceRef) return arg.source === null ? null : encoder.source(arg.source);
  if (arg instanceof ExprArg) return arg.expr === undefined ? null : encodeOperand(encoder, arg.expr);
  if (arg instanceof LoadList) return arg.loads.map((load) => load.encode(encoder));
  if (arg instanceof CteList) return arg.ctes.map((cte) => encoder.cte(cte));
  if (arg instanceof JoinRef) {
    if (arg.source instanceof CTE) return encoder.cte(arg.source);
    if (arg.source instanceof ModelSelect) return arg.source.encode(encoder);
    return encoder.source(arg.source);
  }
  return arg;
}

// Argument wrappers say how each recorded argument encodes.
class SelectionList {
  constructor(readonly items: readonly Selectable[]) {}
}
class ExprList {
  constructor(readonly items: readonly Operand[]) {}
}
class SourceRef {
  constructor(readonly source: Source | null) {}
}
/** A join's source: a model or alias, a subquery, or a CTE. */
class JoinRef {
  constructor(readonly source: JoinTarget) {}
}
class CteList {
  constructor(readonly ctes: readonly CTE[]) {}
}

/** What join() and joinFrom() take. */
export type JoinTarget = Source | ModelSelect<unknown> | CTE;
class ExprArg {
  constructor(readonly expr: Operand | undefined) {}
}
class LoadList {
  constructor(readonly loads: readonly Load[]) {}
}

/** AND of several conditions, as Peewee's where(*expressions). */
function conjunction(conditions: readonly Operand[]): Operand {
  if (conditions.length === 0) throw new ImproperlyConfigured('where() needs at least one condition');
  return conditions.reduce((all, condition) => (all instanceof Expr ? all.and(condition) : condition));
}

function joinOptions(typeOrOptions: JoinType | JoinOptions | undefined, options: JoinOptions | undefined): JoinOptions {
  if (typeof typeOrOptions === 'string') return { ...options, type: typeOrOptions };
  return { ...typeOrOptions, ...options };
}

/**
 * A SELECT on a model: Tweet.select().join(User).where(User.username.eq('huey')).
 * Iterate it (for...of) or call execute(); the rows are cached on the query, as in Peewee.
 */
export class ModelSelect<T = Model> extends Expr implements Iterable<T> {
  readonly model: ModelClass;
  readonly #source: Source;
  readonly #recording: Recording | null;
  readonly #rowType: RowType;
  /** What it reads instead of the model's table: a CTE, or a many-to-many relation's rows. */
  readonly #from: SelectFrom | undefined;
  #rows: T[] | undefined;

  private constructor(
    model: ModelClass,
    source: Source,
    recording: Recording | null,
    rowType: RowType,
    from: SelectFrom | undefined,
  ) {
    super();
    this.model = model;
    this.#source = source;
    this.#recording = recording;
    this.#rowType = rowType;
    this.#from = from;
  }

  /** Model.select(...columns) (internal: use Model.select). */
  static from<T extends Model>(model: ModelClass, source: Source, columns: readonly Selectable[]): ModelSelect<T> {
    metaOf(model);
    const query = new ModelSelect<T>(model, source, null, 'models', undefined);
    return columns.length ? query.select(...columns) : query;
  }

  #with<R = T>(op: Op, rowType: RowType = this.#rowType): ModelSelect<R> {
    return new ModelSelect<R>(this.model, this.#source, { op, previous: this.#recording }, rowType, this.#from);
  }

  /** What join() and joinFrom() joined, earliest first. */
  #joinedSources(): unknown[] {
    const joined: unknown[] = [];
    for (let node = this.#recording; node; node = node.previous) {
      const refs = node.op.filter((arg): arg is JoinRef => arg instanceof JoinRef);
      joined.unshift(...refs.map((ref) => ref.source));
    }
    return joined;
  }

  #as<R>(rowType: RowType): ModelSelect<R> {
    return new ModelSelect<R>(this.model, this.#source, this.#recording, rowType, this.#from);
  }

  select(...columns: Selectable[]): ModelSelect<T> {
    return this.#with(['select', new SelectionList(columns)]);
  }
  selectExtend(...columns: Selectable[]): ModelSelect<T> {
    return this.#with(['selectExtend', new SelectionList(columns)]);
  }
  /** Conditions are ANDed, also with those of earlier where() calls. */
  where(...conditions: Operand[]): ModelSelect<T> {
    rejectFilterObjects(conditions, [this.model, ...this.#joinedSources()]);
    return this.#with(['where', new ExprArg(conjunction(conditions))]);
  }
  /**
   * Peewee's filter(): keyword filters on the query's model, ANDed like where():
   * filter({ user__in: query, title: 'x' }). Operators: eq (default), ne, lt, lte, gt, gte,
   * in, not_in, like, ilike, regexp.
   */
  filter(filters: Record<string, Operand>): ModelSelect<T> {
    return this.#with(['filter', Object.keys(filters), new ExprList(Object.values(filters))]);
  }
  orderBy(...ordering: Operand[]): ModelSelect<T> {
    return this.#with(['orderBy', new ExprList(ordering)]);
  }
  limit(count: number): ModelSelect<T> {
    return this.#with(['limit', count]);
  }
  offset(count: number): ModelSelect<T> {
    return this.#with(['offset', count]);
  }
  /** Page `page` (from 1) of `perPage` rows. */
  paginate(page: number, perPage = 20): ModelSelect<T> {
    return this.#with(['paginate', page, perPage]);
  }
  override distinct(on = true): ModelSelect<T> {
    return this.#with(['distinct', on]);
  }
  groupBy(...columns: Selectable[]): ModelSelect<T> {
    return this.#with(['groupBy', new SelectionList(columns)]);
  }
  having(...conditions: Operand[]): ModelSelect<T> {
    return this.#with(['having', new ExprArg(conjunction(conditions))]);
  }
  /** Names this query as a subquery: AS "name". */
  override alias(name: string): ModelSelect<T> {
    return this.#with(['alias', name]);
  }

  /**
   * Joins `dest` to the current join context (the last joined model, or the one chosen with
   * switch()). With no `on`, the condition follows the foreign key between the two models.
   * join(User), join(User, JOIN.LEFT_OUTER), join(User, { on: Tweet.user, attr: 'author' }).
   */
  join(dest: JoinTarget, typeOrOptions?: JoinType | JoinOptions, options?: JoinOptions): ModelSelect<T> {
    const { type = JOIN.INNER, on, attr } = joinOptions(typeOrOptions, options);
    return this.#with(['join', new JoinRef(dest), type, new ExprArg(on), attr ?? null]);
  }
  /** Joins `dest` to `src` (not the current context): joinFrom(Tweet, User). */
  joinFrom(
    src: JoinTarget,
    dest: JoinTarget,
    typeOrOptions?: JoinType | JoinOptions,
    options?: JoinOptions,
  ): ModelSelect<T> {
    const { type = JOIN.INNER, on, attr } = joinOptions(typeOrOptions, options);
    return this.#with(['joinFrom', new JoinRef(src), new JoinRef(dest), type, new ExprArg(on), attr ?? null]);
  }

  /** The columns of this query used as a subquery: latest.c.max_ts -> "latest"."max_ts". */
  get c(): Readonly<Record<string, Expr>> {
    return columnsOf((name) => new SubqueryColumn(this as ModelSelect<unknown>, name));
  }

  /** This query as a common table expression: query.cte('latest', { recursive, columns }). */
  cte(name: string, options: CteOptions = {}): CTE {
    return new CTE(name, this as ModelSelect<unknown>, options, []);
  }

  /** Attaches CTEs to this query (WITH ...). */
  withCte(...ctes: CTE[]): ModelSelect<T> {
    return this.#with(['withCte', new CteList(ctes)]);
  }
  /** Moves the join context back to `model` (default: the query's model). */
  switch(model?: Source): ModelSelect<T> {
    return this.#with(['switch', new SourceRef(model ?? null)]);
  }

  /**
   * Loads relations with the rows, one query per Load, so reading them runs no query:
   * User.select().withRelated(new Load(User.tweets)).
   */
  withRelated(...loads: Load[]): ModelSelect<T> {
    return this.#with(['withRelated', new LoadList(loads)]);
  }

  /** Whether withRelated() was called (the rows then come back as instances with their loads). */
  hasLoads(): boolean {
    for (let node = this.#recording; node; node = node.previous) if (node.op[0] === 'withRelated') return true;
    return false;
  }

  /**
   * Peewee's query.prefetch(...): runs this query and each subquery once, and attaches the
   * related rows (user.tweets is then a list). Subqueries: models, queries, or
   * [query, Model] pairs; a last { prefetchType: PREFETCH_TYPE.JOIN } picks the strategy.
   */
  prefetch(...subqueries: Array<PrefetchArgument | PrefetchOptions>): T[] {
    return prefetch(this, ...subqueries);
  }

  /** Rows as plain objects keyed by column name. */
  dicts(): ModelSelect<DictRow> {
    return this.#as<DictRow>('dicts');
  }
  /** Rows as arrays of values. */
  tuples(): ModelSelect<unknown[]> {
    return this.#as<unknown[]>('tuples');
  }
  /** Rows as instances of the model with every column as an attribute (no model graph). */
  objects(): ModelSelect<T> {
    return this.#as<T>('objects');
  }
  /** Rows as model instances with joined instances attached (the default). */
  models(): ModelSelect<T> {
    return this.#as<T>('models');
  }

  /** Runs the query (once: the rows are cached on this query object). */
  execute(): T[] {
    this.#rows ??= sessionFor(this.model).selectRows(this, 'rows', this.#rowType) as T[];
    return this.#rows;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.execute()[Symbol.iterator]();
  }

  /** [sql, params], as the query would run. */
  sql(): [string, SqlValue[]] {
    return compilerSessionFor(this.model).compile(this);
  }

  /** SELECT COUNT(1) FROM (this query). */
  count(): number {
    return sessionFor(this.model).selectValue(this, 'count') as number;
  }
  exists(): boolean {
    return sessionFor(this.model).selectValue(this, 'exists') as boolean;
  }
  /** The first column of the first row. */
  scalar(): unknown {
    return sessionFor(this.model).selectValue(this, 'scalar');
  }
  /** The first row (LIMIT 1), or null. */
  first(): T | null {
    return this.limit(1).execute()[0] ?? null;
  }
  /** The first row, or DoesNotExist naming the model, the SQL and the params. */
  get(): T {
    return sessionFor(this.model).selectRows(this, 'get', this.#rowType)[0] as T;
  }

  /** SELECT columns FROM a CTE (internal: CTE.selectFrom). */
  static fromCte<T>(cte: CTE, columns: readonly Operand[]): ModelSelect<T> {
    return ModelSelect.over<T>(cte.query.model, new CteFrom(cte, columns));
  }

  /** @internal A select of `model`'s rows from something else than its table. */
  static over<T>(model: ModelClass, from: SelectFrom): ModelSelect<T> {
    return new ModelSelect<T>(model, model, null, 'models', from);
  }

  /** The recorded calls as plain data (internal: the encoder calls it). */
  encode(encoder: Encoder): EncodedNode {
    const ops: unknown[] = [];
    for (let node = this.#recording; node; node = node.previous) ops.push(node.op);
    ops.reverse();
    const encodedOps = ops.map((op) => (op as Op).map((arg) => encodeArgument(encoder, arg)));
    if (this.#from) return { k: 'select', ...this.#from.encodeFrom(encoder), ops: encodedOps };
    return { k: 'select', m: encoder.source(this.#source), ops: encodedOps };
  }
}

// union, unionAll, intersect, except (compound.ts).
export interface ModelSelect<T = Model> extends Combinable {}
addCompoundMethods(ModelSelect);

/** A prefetch() subquery: a model (all its rows), a query, or [query, Model]. */
export type PrefetchArgument = Source | ModelSelect<unknown> | readonly [ModelSelect<unknown>, Source];

/**
 * Peewee's prefetch(query, ...subqueries): the query's rows with each subquery's rows
 * attached to the rows they relate to (user.tweets, tweet.user). One query each.
 */
export function prefetch<T>(query: ModelSelect<T>, ...subqueries: Array<PrefetchArgument | PrefetchOptions>): T[] {
  const last = subqueries[subqueries.length - 1];
  const options = isPrefetchOptions(last) ? (subqueries.pop() as PrefetchOptions) : {};
  const subs = (subqueries as PrefetchArgument[]).map((item) => {
    if (Array.isArray(item)) return { query: item[0] as ModelSelect<unknown>, target: item[1] as Source };
    if (item instanceof ModelSelect) return { query: item as ModelSelect<unknown> };
    return { query: (item as unknown as ModelClass).select() as ModelSelect<unknown> };
  });
  return sessionFor(query.model).prefetch(query as ModelSelect<unknown>, subs, options.prefetchType) as T[];
}

/** prefetch()'s last argument: { prefetchType: PREFETCH_TYPE.JOIN } (Peewee's prefetch_type=). */
export interface PrefetchOptions {
  prefetchType?: PrefetchType;
}

function isPrefetchOptions(value: unknown): value is PrefetchOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Node) && !isSource(value);
}

/** @internal What a select reads instead of its model's table (see decode_query.hpp). */
export interface SelectFrom {
  /** The keys that replace the select node's "m". */
  encodeFrom(encoder: Encoder): Record<string, unknown>;
}

/** SELECT columns FROM a CTE. */
class CteFrom implements SelectFrom {
  constructor(
    readonly cte: CTE,
    readonly columns: readonly Operand[],
  ) {}
  encodeFrom(encoder: Encoder): Record<string, unknown> {
    return { cte: encoder.cte(this.cte), cols: this.columns.map((column) => encodeOperand(encoder, column)) };
  }
}

/** An object whose every property is a column expression (q.c.name, cte.c.id). */
function columnsOf(make: (name: string) => Expr): Readonly<Record<string, Expr>> {
  return new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? make(name) : undefined) });
}

class SubqueryColumn extends Expr {
  constructor(
    readonly query: ModelSelect<unknown>,
    readonly name: string,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'subc', q: this.query.encode(encoder), n: this.name };
  }
}

class CteColumn extends Expr {
  constructor(
    readonly cte: CTE,
    readonly name: string,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'ctec', c: encoder.cte(this.cte), n: this.name };
  }
}

export interface CteOptions {
  recursive?: boolean;
  /** Names for the CTE's columns: WITH "name" ("a", "b") AS (...). */
  columns?: readonly string[];
}

/**
 * A common table expression (query.cte('name')): its columns (cte.c.id) for expressions and
 * joins, unionAll(step) for a recursive one, selectFrom(...) to query it; attach it to the
 * query that uses it with withCte(cte).
 */
export class CTE {
  constructor(
    readonly name: string,
    readonly query: ModelSelect<unknown>,
    readonly options: CteOptions,
    readonly unions: ReadonlyArray<readonly ['UNION' | 'UNION ALL', ModelSelect<unknown>]>,
  ) {}

  get c(): Readonly<Record<string, Expr>> {
    return columnsOf((name) => new CteColumn(this, name));
  }
  /** The CTE over `this query UNION ALL step`: how a recursive CTE adds its step. */
  unionAll(step: ModelSelect<unknown>): CTE {
    return new CTE(this.name, this.query, this.options, [...this.unions, ['UNION ALL', step]]);
  }
  union(step: ModelSelect<unknown>): CTE {
    return new CTE(this.name, this.query, this.options, [...this.unions, ['UNION', step]]);
  }
  /** SELECT columns FROM this CTE (with the CTE attached); rows read as the query's model. */
  selectFrom<T = Model>(...columns: Operand[]): ModelSelect<T> {
    return ModelSelect.fromCte<T>(this, columns);
  }
  /** Internal: the CTE's definition for the request's table. */
  encodeDefinition(encoder: Encoder): unknown {
    return {
      n: this.name,
      q: this.query.encode(encoder),
      rec: this.options.recursive ?? false,
      cols: this.options.columns ?? [],
      u: this.unions.map(([op, query]) => [op, query.encode(encoder)]),
    };
  }
}

type Values = Record<string, unknown>;

function encodeAssignments(encoder: Encoder, model: ModelClass, values: Values): unknown[] {
  const meta = metaOf(model);
  return Object.entries(values).map(([name, value]) => {
    const field = assignedField(meta, name);
    // A plain value goes as its bare parameter index (no {k:'v'} node): insertMany sends
    // thousands of them per request, so the JSON stays short (decode_query.cpp assignments).
    return [field.name, isExpression(value) ? encodeOperand(encoder, value as Operand) : encoder.param(value)];
  });
}

function isExpression(value: unknown): boolean {
  return value instanceof Node || Array.isArray(value);
}

/** Base of the write queries: a model, recorded WHERE conditions, execute() and sql(). */
abstract class WriteQuery {
  protected constructor(
    readonly model: ModelClass,
    protected readonly conditions: readonly Operand[],
  ) {}

  protected abstract encodeQuery(encoder: Encoder): EncodedNode;

  protected encodeWhere(encoder: Encoder): unknown[] {
    return this.conditions.map((condition) => ['where', encodeOperand(encoder, condition)]);
  }

  /** Runs it: an insert returns the new row id; update and delete the rows changed. */
  execute(): number {
    return sessionFor(this.model).write(this.encodeQuery.bind(this)) as number;
  }

  sql(): [string, SqlValue[]] {
    return compilerSessionFor(this.model).compileWrite(this.encodeQuery.bind(this));
  }
}

/** INSERT (Model.insert / insertMany). */
export class Insert extends WriteQuery {
  readonly #rows: readonly Values[];
  readonly #conflict: 'ignore' | 'replace' | undefined;

  /** INSERT INTO model (fields) SELECT ... (Model.insertFrom). */
  readonly #from: { query: ModelSelect<unknown>; fields: readonly string[] } | undefined;

  constructor(
    model: ModelClass,
    rows: readonly Values[],
    conflict?: 'ignore' | 'replace',
    from?: { query: ModelSelect<unknown>; fields: readonly string[] },
  ) {
    super(model, []);
    this.#rows = rows;
    this.#conflict = conflict;
    this.#from = from;
  }
  onConflictIgnore(): Insert {
    return new Insert(this.model, this.#rows, 'ignore', this.#from);
  }
  onConflictReplace(): Insert {
    return new Insert(this.model, this.#rows, 'replace', this.#from);
  }
  /** Rows of plain values go through the heap (Session.insertRows), not as a query request. */
  override execute(): number {
    const plain = !this.#from && !this.#conflict && this.#rows.every((row) => !Object.values(row).some(isExpression));
    return plain ? (sessionFor(this.model).insertRows(this.model, this.#rows) as number) : super.execute();
  }

  protected encodeQuery(encoder: Encoder): EncodedNode {
    if (this.#from) {
      return { k: 'insert', m: encoder.source(this.model), from: this.#from.query.encode(encoder), fields: this.#from.fields };
    }
    const rows = this.#rows.map((row) => encodeAssignments(encoder, this.model, row));
    return { k: 'insert', m: encoder.source(this.model), rows, conflict: this.#conflict ?? null };
  }
}

/** UPDATE (Model.update({...}).where(...)). */
export class Update extends WriteQuery {
  readonly #values: Values;
  constructor(model: ModelClass, values: Values, conditions: readonly Operand[] = []) {
    super(model, conditions);
    this.#values = values;
  }
  where(...conditions: Operand[]): Update {
    rejectFilterObjects(conditions, [this.model]);
    return new Update(this.model, this.#values, [...this.conditions, conjunction(conditions)]);
  }
  protected encodeQuery(encoder: Encoder): EncodedNode {
    return {
      k: 'update',
      m: encoder.source(this.model),
      set: encodeAssignments(encoder, this.model, this.#values),
      ops: this.encodeWhere(encoder),
    };
  }
}

/** DELETE (Model.delete().where(...)). */
export class Delete extends WriteQuery {
  constructor(model: ModelClass, conditions: readonly Operand[] = []) {
    super(model, conditions);
  }
  where(...conditions: Operand[]): Delete {
    rejectFilterObjects(conditions, [this.model]);
    return new Delete(this.model, [...this.conditions, conjunction(conditions)]);
  }
  protected encodeQuery(encoder: Encoder): EncodedNode {
    return { k: 'delete', m: encoder.source(this.model), ops: this.encodeWhere(encoder) };
  }
}
