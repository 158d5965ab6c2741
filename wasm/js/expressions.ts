// Expressions: what `User.username.eq('huey')`, `fn.COUNT(Tweet.id).alias('count')` and
// friends record. Each node only remembers what was asked; encode() writes it as the plain
// data wasm/native/decode_query.hpp reads, and the core gives it its meaning and SQL.
import type { Encoder, EncodedNode, KeyedValue } from './encoder.js';
import type { SqlParam } from './database.js';

/**
 * Anything that can stand where an expression goes: a node, a plain value (a parameter), a
 * model instance (its primary key), or an array (a value list, for in()).
 */
export type Operand = Node | SqlParam | KeyedValue | readonly Operand[];

/** Base of every recorded node. */
export abstract class Node {
  /** The plain data of this node (internal; the query encoder calls it). */
  abstract encode(encoder: Encoder): EncodedNode;
}

/** A node with Peewee's operators as methods (Peewee's ColumnBase). */
export abstract class Expr extends Node {
  eq(rhs: Operand): Expr {
    return new Binary(this, 'eq', rhs);
  }
  ne(rhs: Operand): Expr {
    return new Binary(this, 'ne', rhs);
  }
  lt(rhs: Operand): Expr {
    return new Binary(this, 'lt', rhs);
  }
  le(rhs: Operand): Expr {
    return new Binary(this, 'le', rhs);
  }
  gt(rhs: Operand): Expr {
    return new Binary(this, 'gt', rhs);
  }
  ge(rhs: Operand): Expr {
    return new Binary(this, 'ge', rhs);
  }
  and(rhs: Operand): Expr {
    return new Binary(this, 'and', rhs);
  }
  or(rhs: Operand): Expr {
    return new Binary(this, 'or', rhs);
  }
  /** NOT x (Peewee's `~x`). */
  not(): Expr {
    return new Unary('not', this);
  }
  add(rhs: Operand): Expr {
    return new Binary(this, 'add', rhs);
  }
  sub(rhs: Operand): Expr {
    return new Binary(this, 'sub', rhs);
  }
  mul(rhs: Operand): Expr {
    return new Binary(this, 'mul', rhs);
  }
  div(rhs: Operand): Expr {
    return new Binary(this, 'div', rhs);
  }
  mod(rhs: Operand): Expr {
    return new Binary(this, 'mod', rhs);
  }
  /** Bitwise AND (Peewee's `&` on numbers, `bin_and`). */
  binAnd(rhs: Operand): Expr {
    return new Binary(this, 'bitand', rhs);
  }
  /** Bitwise OR (Peewee's `|` on numbers, `bin_or`). */
  binOr(rhs: Operand): Expr {
    return new Binary(this, 'bitor', rhs);
  }
  /** String concatenation: a || b. */
  concat(rhs: Operand): Expr {
    return new Binary(this, 'concat', rhs);
  }
  /** IN (a list of values, or a subquery). */
  in(rhs: Operand): Expr {
    return new Binary(this, 'in', rhs);
  }
  notIn(rhs: Operand): Expr {
    return new Binary(this, 'notIn', rhs);
  }
  /** IS NULL, or IS NOT NULL with isNull(false). */
  isNull(isNull = true): Expr {
    return new IsNull(this, isNull);
  }
  /** Case-insensitive substring match (LIKE '%text%'). */
  contains(text: string): Expr {
    return new Binary(this, 'contains', text);
  }
  startswith(text: string): Expr {
    return new Binary(this, 'startswith', text);
  }
  endswith(text: string): Expr {
    return new Binary(this, 'endswith', text);
  }
  /** Peewee's LIKE: case-sensitive (SQLite GLOB). */
  like(pattern: Operand): Expr {
    return new Binary(this, 'like', pattern);
  }
  /** Peewee's ILIKE: case-insensitive (SQLite LIKE). */
  ilike(pattern: Operand): Expr {
    return new Binary(this, 'ilike', pattern);
  }
  regexp(pattern: Operand): Expr {
    return new Binary(this, 'regexp', pattern);
  }
  between(low: Operand, high: Operand): Expr {
    return new Between(this, low, high);
  }
  /** x AS "name". */
  alias(name: string): Expr {
    return new Alias(this, name);
  }
  /** CAST(x AS type). */
  cast(type: string): Expr {
    return new Cast(this, type);
  }
  asc(options: OrderOptions = {}): Expr {
    return new Ordering(this, false, options);
  }
  desc(options: OrderOptions = {}): Expr {
    return new Ordering(this, true, options);
  }
  /** DISTINCT x (inside an aggregate: fn.COUNT(x.distinct())). */
  distinct(): Expr {
    return new Unary('distinct', this);
  }
}

export interface OrderOptions {
  /** NULLS FIRST / NULLS LAST. */
  nulls?: 'first' | 'last';
  collation?: string;
}

/** The plain data of an operand: nodes encode themselves, values become parameters. */
export function encodeOperand(encoder: Encoder, operand: Operand): EncodedNode {
  if (operand instanceof Node) return operand.encode(encoder);
  if (Array.isArray(operand)) return { k: 'list', items: operand.map((item) => encodeOperand(encoder, item)) };
  return encoder.value(operand as SqlParam);
}

class Binary extends Expr {
  constructor(
    readonly lhs: Operand,
    readonly op: string,
    readonly rhs: Operand,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'b', op: this.op, l: encodeOperand(encoder, this.lhs), r: encodeOperand(encoder, this.rhs) };
  }
}

class Unary extends Expr {
  constructor(
    readonly kind: 'not' | 'distinct',
    readonly operand: Expr,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: this.kind, e: this.operand.encode(encoder) };
  }
}

class IsNull extends Expr {
  constructor(
    readonly operand: Expr,
    readonly nullWanted: boolean,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'isnull', e: this.operand.encode(encoder), v: this.nullWanted };
  }
}

class Between extends Expr {
  constructor(
    readonly operand: Expr,
    readonly low: Operand,
    readonly high: Operand,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return {
      k: 'between',
      e: this.operand.encode(encoder),
      lo: encodeOperand(encoder, this.low),
      hi: encodeOperand(encoder, this.high),
    };
  }
}

class Alias extends Expr {
  constructor(
    readonly operand: Expr,
    readonly name: string,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'alias', e: this.operand.encode(encoder), n: this.name };
  }
}

class Cast extends Expr {
  constructor(
    readonly operand: Expr,
    readonly type: string,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'cast', e: this.operand.encode(encoder), t: this.type };
  }
}

class Ordering extends Expr {
  constructor(
    readonly operand: Expr,
    readonly descending: boolean,
    readonly options: OrderOptions,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return {
      k: 'order',
      e: this.operand.encode(encoder),
      desc: this.descending,
      nulls: this.options.nulls ?? null,
      collation: this.options.collation ?? null,
    };
  }
}

/** A SQL function call: fn.COUNT(Tweet.id), fn.LOWER(User.username). */
export class Func extends Expr {
  constructor(
    readonly name: string,
    readonly args: readonly Operand[],
    readonly filterWhere?: Expr,
    readonly window?: WindowSpec,
  ) {
    super();
  }
  /** FILTER (WHERE ...) on an aggregate. */
  filter(where: Expr): Func {
    return new Func(this.name, this.args, where, this.window);
  }
  /** A window function: fn.RANK().over({ partitionBy: [...], orderBy: [...] }). */
  over(window: WindowSpec = {}): Func {
    return new Func(this.name, this.args, this.filterWhere, window);
  }
  encode(encoder: Encoder): EncodedNode {
    return {
      k: 'fn',
      n: this.name,
      a: this.args.map((arg) => encodeOperand(encoder, arg)),
      filter: this.filterWhere ? this.filterWhere.encode(encoder) : null,
      over: this.window
        ? {
            p: (this.window.partitionBy ?? []).map((e) => encodeOperand(encoder, e)),
            o: (this.window.orderBy ?? []).map((e) => encodeOperand(encoder, e)),
          }
        : null,
    };
  }
}

export interface WindowSpec {
  partitionBy?: readonly Operand[];
  orderBy?: readonly Operand[];
}

type FunctionFactory = (...args: Operand[]) => Func;

/** Any SQL function by name: fn.COUNT(x), fn.SUM(x), fn.GROUP_CONCAT(x, ', '). */
export const fn: Readonly<Record<string, FunctionFactory>> = new Proxy(
  {},
  {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return (...args: Operand[]) => new Func(name, args);
    },
  },
);

class RawSql extends Expr {
  constructor(
    readonly text: string,
    readonly params: readonly SqlParam[],
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'sql', t: this.text, p: this.params.map((value) => encoder.param(value)) };
  }
}

/** Raw SQL, with "?" parameters: SQL('price > ?', [10]), SQL('DEFAULT CURRENT_TIMESTAMP'). */
export function SQL(text: string, params: readonly SqlParam[] = []): Expr {
  return new RawSql(text, params);
}

class CheckConstraint extends Expr {
  constructor(readonly text: string) {
    super();
  }
  encode(): EncodedNode {
    return { k: 'check', t: this.text };
  }
}

/** A CHECK constraint for a field's or a model's constraints: Check('price < 10000'). */
export function Check(constraint: string): Expr {
  return new CheckConstraint(constraint);
}

class CaseExpr extends Expr {
  constructor(
    readonly predicate: Operand | null,
    readonly whens: ReadonlyArray<readonly [Operand, Operand]>,
    readonly otherwise: Operand | undefined,
  ) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return {
      k: 'case',
      p: this.predicate === null ? null : encodeOperand(encoder, this.predicate),
      w: this.whens.map(([when, then]) => [encodeOperand(encoder, when), encodeOperand(encoder, then)]),
      o: this.otherwise === undefined ? null : encodeOperand(encoder, this.otherwise),
    };
  }
}

/**
 * CASE [predicate] WHEN a THEN b ... [ELSE otherwise] END:
 * Case(null, [[User.age.lt(18), 'minor']], 'adult').
 */
export function Case(
  predicate: Operand | null,
  whens: ReadonlyArray<readonly [Operand, Operand]>,
  otherwise?: Operand,
): Expr {
  return new CaseExpr(predicate, whens, otherwise);
}

/** A parenthesized list: Tuple(a, b) -> (a, b). */
export function Tuple(...items: Operand[]): Expr {
  return new TupleExpr(items);
}

class TupleExpr extends Expr {
  constructor(readonly items: readonly Operand[]) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return { k: 'list', items: this.items.map((item) => encodeOperand(encoder, item)) };
  }
}

/** The join types: JOIN.INNER (default), JOIN.LEFT_OUTER, ... */
export const JOIN = Object.freeze({
  INNER: 'INNER',
  LEFT_OUTER: 'LEFT OUTER',
  RIGHT_OUTER: 'RIGHT OUTER',
  FULL: 'FULL',
  FULL_OUTER: 'FULL OUTER',
  CROSS: 'CROSS',
} as const);

export type JoinType = (typeof JOIN)[keyof typeof JOIN];

/** A value as an expression, for the left side of an operator: Value(1).add(User.score). */
export function Value(value: SqlParam | Date): Expr {
  return new ValueExpr(value);
}

class ValueExpr extends Expr {
  constructor(readonly value: SqlParam | Date) {
    super();
  }
  encode(encoder: Encoder): EncodedNode {
    return encoder.value(this.value);
  }
}

/** asc(x) / desc(x): orderings as functions, like Peewee's x.asc() / x.desc(). */
export function asc(expr: Expr, options?: OrderOptions): Expr {
  return expr.asc(options);
}
export function desc(expr: Expr, options?: OrderOptions): Expr {
  return expr.desc(options);
}
/** cast(x, type): CAST(x AS type). */
export function cast(expr: Expr, type: string): Expr {
  return expr.cast(type);
}
