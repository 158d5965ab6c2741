// Eager loading: Load (Peewee 4's with_related(Load(...))), PREFETCH_TYPE and prefetch().
// They only record what to load; the core runs the queries and attaches the rows.
import { ImproperlyConfigured } from './errors.js';
import { ForeignKeyField } from './fields.js';
import type { Encoder, EncodedNode, Source } from './encoder.js';
import type { ModelSelect } from './queries.js';

/** How a relation's rows are restricted to the parents (Peewee's PREFETCH_TYPE). */
export const PREFETCH_TYPE = Object.freeze({
  /** child.fk IN (SELECT key FROM <parent query>) (default). */
  WHERE: 'WHERE',
  /** INNER JOIN (SELECT DISTINCT key FROM <parent query>): for paginated parents. */
  JOIN: 'JOIN',
  /** child.fk IN (?, ?, ...): the keys of the parents already fetched (with_related only). */
  MATERIALIZE: 'MATERIALIZE',
} as const);

export type PrefetchType = (typeof PREFETCH_TYPE)[keyof typeof PREFETCH_TYPE];

/**
 * The reverse side of a foreign key, as a static member of the model it points at:
 * `User.tweets` (for Load and prefetch). On instances, `user.tweets` is the select of the
 * user's tweets, or the list eager loading attached.
 */
export class BackrefAccessor {
  constructor(
    /** The model the accessor lives on (User). */
    readonly model: Source,
    /** Its name ('tweets'). */
    readonly name: string,
    /** The foreign key behind it (Tweet.user). */
    readonly field: ForeignKeyField,
  ) {}

  /** The model the backref's rows are (Tweet). */
  get relModel(): Source {
    return this.field.model!;
  }
}

export interface LoadOptions {
  /** Only the first n related rows of each parent, by the query's order (backrefs). */
  perParent?: number;
  strategy?: PrefetchType;
}

/** A relation to load with the rows: User.select().withRelated(new Load(User.tweets)). */
export class Load {
  readonly relation: BackrefAccessor | ForeignKeyField;
  readonly query: ModelSelect<unknown> | undefined;
  readonly options: LoadOptions;

  /**
   * new Load(User.tweets), new Load(Tweet.user), new Load(User.tweets, Tweet.select()...),
   * new Load(User.tweets, query, { perParent: 2, strategy: PREFETCH_TYPE.JOIN }).
   */
  constructor(
    relation: BackrefAccessor | ForeignKeyField,
    queryOrOptions?: ModelSelect<unknown> | LoadOptions,
    options: LoadOptions = {},
  ) {
    if (!(relation instanceof BackrefAccessor) && !(relation instanceof ForeignKeyField)) {
      throw new ImproperlyConfigured(
        'Load(relation): pass a backref (User.tweets) or a foreign key (Tweet.user)',
      );
    }
    this.relation = relation;
    const isQuery = typeof (queryOrOptions as ModelSelect<unknown> | undefined)?.encode === 'function';
    this.query = isQuery ? (queryOrOptions as ModelSelect<unknown>) : undefined;
    this.options = isQuery ? options : { ...(queryOrOptions as LoadOptions | undefined), ...options };
  }

  /** Loads nested under this one: new Load(User.tweets).withRelated(new Load(Tweet.favorites)). */
  withRelated(...loads: Load[]): Load {
    const query = this.query ?? (this.relatedModel() as unknown as { select(): ModelSelect<unknown> }).select();
    return new Load(this.relation, query.withRelated(...loads), this.options);
  }

  #parentModel(): Source {
    return this.relation instanceof BackrefAccessor ? this.relation.model : this.relation.model!;
  }

  relatedModel(): Source {
    if (this.relation instanceof BackrefAccessor) return this.relation.relModel;
    return this.relation.targetModel();
  }

  encode(encoder: Encoder): EncodedNode {
    const name = this.relation.name!;
    return {
      k: 'load',
      m: encoder.source(this.#parentModel()),
      r: name,
      q: this.query ? this.query.encode(encoder) : null,
      per: this.options.perParent ?? null,
      strategy: this.options.strategy ?? null,
    };
  }
}
