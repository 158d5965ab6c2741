// CompoundSelect: Peewee's compound selects (UNION, UNION ALL, INTERSECT, EXCEPT of selects,
// query.union(other) ...), with an ORDER BY / LIMIT / OFFSET of their own. The core writes the
// SQL (query/compound.hpp) and reads the rows with the plan of the first select, as Peewee
// reads them with that select's cursor wrapper: iterating gives instances of its model with
// the selected columns set, and dicts(), tuples(), objects() work as on a ModelSelect. A
// compound also works as a subquery: field.in(a.union(b)).
import { Expr, encodeOperand, type Operand } from './expressions.js';
import type { EncodedNode, Encoder } from './encoder.js';
import { sessionFor, type Model, type ModelClass } from './model.js';
import type { SqlValue } from './values.js';
import type { DictRow, RowType } from './queries.js';

export type CompoundOperator = 'UNION' | 'UNION ALL' | 'INTERSECT' | 'EXCEPT';

/** What a compound combines: a model select or another compound (each encodes itself). */
export interface CompoundPart {
  readonly model: ModelClass;
  encode(encoder: Encoder): EncodedNode;
}

/** Compound selects (Peewee's |, +, &, -): this query combined with `rhs`. */
export interface Combinable {
  union(rhs: CompoundPart): CompoundSelect;
  unionAll(rhs: CompoundPart): CompoundSelect;
  intersect(rhs: CompoundPart): CompoundSelect;
  except(rhs: CompoundPart): CompoundSelect;
}

/**
 * Gives a query class the Combinable methods (ModelSelect and CompoundSelect). A function
 * declaration, so queries.ts can call it while the modules that import each other load.
 */
export function addCompoundMethods(cls: { prototype: object }): void {
  const operators: Record<keyof Combinable, CompoundOperator> = {
    union: 'UNION',
    unionAll: 'UNION ALL',
    intersect: 'INTERSECT',
    except: 'EXCEPT',
  };
  for (const [name, op] of Object.entries(operators)) {
    Object.defineProperty(cls.prototype, name, {
      value(this: CompoundPart, rhs: CompoundPart): CompoundSelect {
        return new CompoundSelect(this, op, rhs);
      },
      writable: true,
      configurable: true,
    });
  }
}

interface Tail {
  readonly order?: readonly Operand[];
  readonly limit?: number;
  readonly offset?: number;
}

export class CompoundSelect<T = Model> extends Expr implements CompoundPart, Iterable<T> {
  #rows: T[] | undefined;

  constructor(
    readonly lhs: CompoundPart,
    readonly op: CompoundOperator,
    readonly rhs: CompoundPart,
    readonly tail: Tail = {},
    readonly rowType: RowType = 'models',
  ) {
    super();
  }

  /** The model of the leftmost select: its database runs the compound. */
  get model(): ModelClass {
    return this.lhs.model;
  }

  /** ORDER BY over the combined rows (columns by the first select's names: SQL('name')). */
  orderBy(...ordering: Operand[]): CompoundSelect<T> {
    return this.#with({ order: ordering });
  }
  limit(n: number): CompoundSelect<T> {
    return this.#with({ limit: n });
  }
  offset(n: number): CompoundSelect<T> {
    return this.#with({ offset: n });
  }

  /** [sql, params], as the compound would run. */
  sql(): [string, SqlValue[]] {
    return sessionFor(this.model).compileWrite((encoder) => this.encode(encoder));
  }

  /** Rows as plain objects keyed by the first select's column names. */
  dicts(): CompoundSelect<DictRow> {
    return this.#as<DictRow>('dicts');
  }
  /** Rows as arrays of values. */
  tuples(): CompoundSelect<unknown[]> {
    return this.#as<unknown[]>('tuples');
  }
  /** Rows as flat instances of the first select's model, every column an attribute. */
  objects(): CompoundSelect<T> {
    return this.#as<T>('objects');
  }
  /** Rows as instances of the first select's model (the default). */
  models(): CompoundSelect<T> {
    return this.#as<T>('models');
  }

  /** Runs the compound (once: the rows are cached on this query object). */
  execute(): T[] {
    this.#rows ??= sessionFor(this.model).compoundRows(this, this.rowType) as T[];
    return this.#rows;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.execute()[Symbol.iterator]();
  }

  encode(encoder: Encoder): EncodedNode {
    const { order, limit, offset } = this.tail;
    return {
      k: 'compound',
      op: this.op,
      l: this.lhs.encode(encoder),
      r: this.rhs.encode(encoder),
      order: order ? order.map((item) => encodeOperand(encoder, item)) : null,
      limit: limit ?? null,
      offset: offset ?? null,
    };
  }

  #with(change: Tail): CompoundSelect<T> {
    return new CompoundSelect<T>(this.lhs, this.op, this.rhs, { ...this.tail, ...change }, this.rowType);
  }

  #as<R>(rowType: RowType): CompoundSelect<R> {
    return new CompoundSelect<R>(this.lhs, this.op, this.rhs, this.tail, rowType);
  }
}

export interface CompoundSelect<T = Model> extends Combinable {}
addCompoundMethods(CompoundSelect);
