// CompoundSelect: Peewee's compound selects (UNION, UNION ALL, INTERSECT, EXCEPT of selects,
// query.union(other) ...), with an ORDER BY / LIMIT / OFFSET of their own. The core writes the
// SQL (query/compound.hpp); the rows come back as plain rows named by the first select's
// columns (dicts() or tuples()), and a compound works as a subquery: field.in(a.union(b)).
import { Expr, encodeOperand, type Operand } from './expressions.js';
import { InterfaceError } from './errors.js';
import type { EncodedNode, Encoder } from './encoder.js';
import { databaseOf, metaOf, sessionFor, type ModelClass } from './model.js';
import type { SqlValue } from './values.js';
import type { DictRow } from './queries.js';

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

export class CompoundSelect extends Expr implements CompoundPart {
  constructor(
    readonly lhs: CompoundPart,
    readonly op: CompoundOperator,
    readonly rhs: CompoundPart,
    readonly tail: Tail = {},
  ) {
    super();
  }

  /** The model of the leftmost select: its database runs the compound. */
  get model(): ModelClass {
    return this.lhs.model;
  }

  /** ORDER BY over the combined rows (columns by the first select's names: SQL('name')). */
  orderBy(...ordering: Operand[]): CompoundSelect {
    return this.#with({ order: ordering });
  }
  limit(n: number): CompoundSelect {
    return this.#with({ limit: n });
  }
  offset(n: number): CompoundSelect {
    return this.#with({ offset: n });
  }

  /** [sql, params], as the compound would run. */
  sql(): [string, SqlValue[]] {
    return sessionFor(this.model).compileWrite((encoder) => this.encode(encoder));
  }

  /** The combined rows as objects keyed by the first select's column names. */
  dicts(): DictRow[] {
    const [sql, params] = this.sql();
    return this.#database().querySql(sql, params);
  }

  /** The combined rows as arrays. */
  tuples(): SqlValue[][] {
    const [sql, params] = this.sql();
    return this.#database().querySql(sql, params, { rowMode: 'array' });
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

  #with(change: Tail): CompoundSelect {
    return new CompoundSelect(this.lhs, this.op, this.rhs, { ...this.tail, ...change });
  }

  #database() {
    const db = databaseOf(this.model);
    if (!db) throw new InterfaceError(`${metaOf(this.model).name} has no database; a compound select runs on its first select's`);
    return db;
  }
}

export interface CompoundSelect extends Combinable {}
addCompoundMethods(CompoundSelect);
