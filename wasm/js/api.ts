// The public surface, shared by both entries (index.ts for browsers and bundlers, node.ts for
// Node). Each module of the package adds its exports here; the Embind module stays private.
//
// ---- API overview (Peewee's API in JS; names per design.md's Python-to-JS table) ----------
//
//   import { Database, Model, TextField, DateTimeField, ForeignKeyField, fn, JOIN } from 'peewasm';
//
//   const db = await Database.open();          // ':memory:'; the only async call
//   class BaseModel extends Model { static meta = { database: db }; }   // or db.bind([...])
//   class User extends BaseModel {
//     static fields = { username: new TextField({ unique: true }) };
//   }
//   class Tweet extends BaseModel {
//     static fields = {
//       content: new TextField(),
//       timestamp: new DateTimeField({ default: () => new Date() }),
//       user: new ForeignKeyField(User, { backref: 'tweets' }),
//     };
//   }
//   db.createTables([User, Tweet]);            // dropTables([...]) too; { safe: false } for no IF EXISTS
//
//   const huey = User.create({ username: 'huey' });           // INSERT; huey.id is set
//   Tweet.create({ user: huey, content: 'meow' });
//   const query = Tweet.select().join(User).where(User.username.eq('huey')).orderBy(Tweet.timestamp.desc());
//   for (const tweet of query) console.log(tweet.user.username, tweet.content, tweet.user_id);
//   const [sql, params] = query.sql();
//
// Declaring models: one form everywhere: `static fields = { name: new XField(options) }` and
//   `static meta = { ...options }` (Peewee's class Meta; inherited except tableName,
//   withoutRowid, dependsOn). Once set up, fields are static members too (User.username).
//   An `id` AutoField is added unless a field has { primaryKey: true } or meta.primaryKey is
//   new CompositeKey('a', 'b') (or false). meta: database, tableName, primaryKey,
//   indexes [[['a', 'b'], unique]] or [{ fields, unique }], constraints, legacyTableNames,
//   withoutRowid, strictTables, temporary, onlySaveDirty, tableSettings, schema, dependsOn.
//   Field options: null, unique, index, primaryKey, columnName, default (value or function),
//   constraints [Check(...), SQL(...)], collation, choices, helpText, verboseName;
//   CharField { maxLength }, DecimalField { maxDigits, decimalPlaces, autoRound },
//   ForeignKeyField(Target | 'self' | 'Name', { backref, field, onDelete, onUpdate, lazyLoad }),
//   DeferredForeignKey('Name', {...}). TypeScript: type members with `declare` lines
//   (`declare static username: TextField; declare username: string;`), never as plain class
//   fields (those would hide the getters).
// Instances: `new User({ username })` (unsaved), save({ forceInsert, only }), deleteInstance(),
//   getId(), isDirty(), dirtyFields, toJSON(). Field values are getters/setters on the
//   prototype; a foreign key reads the related instance (joined, else loaded lazily with one
//   query and cached) and `<name>_id` the raw value. DateTimeField values are Dates.
// Class side: select(...columns), insert({...}), insertMany([...], fields?), update({...}),
//   delete(), create({...}), get(...conditions), getOrNone(...), getById(pk),
//   getOrCreate({ ...fields, defaults: {...} }) -> [instance, created], alias(name?),
//   createTable(), dropTable().
// Queries are immutable (each call returns a new query): select, selectExtend, where(...)
//   (ANDed), orderBy, groupBy, having, limit, offset, paginate(page, perPage), distinct,
//   join(dest, JOIN.LEFT_OUTER?, { on, attr }?), joinFrom(src, dest, ...), switch(model?),
//   alias(name); then for..of / execute() (rows cached on the query, as Peewee), dicts(),
//   tuples(), objects(), sql() -> [sql, params], count(), exists(), first(), get(), scalar().
//   Subqueries and CTEs: q.alias('latest').c.max_ts, join(subquery or cte, { on }),
//   q.cte('name', { recursive, columns }) -> cte.c.col, cte.unionAll(step),
//   cte.selectFrom(...cols), query.withCte(cte). Compound selects: a.union(b), unionAll,
//   intersect, except (chain; orderBy/limit/offset; sql(); for..of gives instances of the first
//   select's model; dicts(), tuples(), objects(); field.in(a.union(b))).
// Relations: user.tweets (a select of the user's tweets; a list once eagerly loaded);
//   User.tweets (a BackrefAccessor, for Load); withRelated(new Load(User.tweets, query?,
//   { perParent, strategy: PREFETCH_TYPE.JOIN })), Load.withRelated(...) nests;
//   prefetch(User.select(), Tweet.select(), ...) or query.prefetch(Tweet) (legacy).
//   ManyToManyField(Target, { backref, throughModel }): Course.students.getThroughModel();
//   course.students / student.courses with add(x, clearExisting?), remove(x), clear()
//   (x: an instance, a list, ids or a query); Model.insertFrom(query, fields).
//   Write queries: insert/insertMany(...).onConflictIgnore()/onConflictReplace(),
//   update(...).where(...), delete().where(...); execute() returns the row id / rows changed.
// Expressions: field.eq/ne/lt/le/gt/ge(x), .and/.or(x), .not(), .in([..] or a query), .notIn,
//   .isNull(bool?), .contains/startswith/endswith(text), .like/.ilike/.regexp, .between(a, b),
//   .add/.sub/.mul/.div/.mod, .binAnd/.binOr, .concat, .alias(name), .cast(type),
//   .asc()/.desc({ nulls }), .distinct(); fn.ANY_NAME(...args) (.filter(where), .over({...})),
//   SQL(text, params), Check(text), Case(predicate | null, [[when, then]], otherwise?),
//   Tuple(...), Value(x), JOIN.INNER/LEFT_OUTER/RIGHT_OUTER/FULL/FULL_OUTER/CROSS.
// Database: open(path?, { pragmas }), ready() (loads the module; sql() of an unbound model needs it), createTables, dropTables, bind, atomic((txn) => ...) (rolls back
//   when fn throws; nests as savepoints), executeSql/querySql (raw SQL), onQuery(listener)
//   (sql, params, durationMs, rows, failed), queryCount, resetQueryCount(), close(), isClosed(),
//   connect({ reuseIfOpen }) (a closed Database stays closed: open a new one).
// Errors: PeeweeError > ImproperlyConfigured, DoesNotExist, InterfaceError, DatabaseError >
//   IntegrityError, OperationalError, ProgrammingError, DataError, NotSupportedError.
export { Database } from './database.js';
export { Transaction } from './transaction.js';
export type {
  ExecuteResult,
  MemoryUsage,
  OpenOptions,
  QueryEvent,
  QueryListener,
  QueryOptions,
  Row,
  SqlParam,
  SqlValue,
} from './database.js';
export {
  DatabaseError,
  DataError,
  DoesNotExist,
  ImproperlyConfigured,
  IntegrityError,
  InterfaceError,
  NotSupportedError,
  OperationalError,
  PeeweeError,
  ProgrammingError,
} from './errors.js';
export type { PeeweeErrorOptions } from './errors.js';
export { Model, ModelAlias, FieldAlias, CompositeKey } from './model.js';
export type { ModelClass, AliasFields } from './model.js';
export {
  Field,
  AutoField,
  BigAutoField,
  IdentityField,
  IntegerField,
  BigIntegerField,
  SmallIntegerField,
  FloatField,
  DoubleField,
  DecimalField,
  CharField,
  FixedCharField,
  TextField,
  BlobField,
  UUIDField,
  BinaryUUIDField,
  DateTimeField,
  DateField,
  TimeField,
  TimestampField,
  IPField,
  BooleanField,
  BitField,
  BigBitField,
  BareField,
  ForeignKeyField,
  DeferredForeignKey,
} from './fields.js';
export type {
  FieldOptions,
  CharFieldOptions,
  DecimalFieldOptions,
  TemporalFieldOptions,
  TimestampFieldOptions,
  ForeignKeyOptions,
  ForeignKeyTarget,
} from './fields.js';
export { Expr, Node, fn, SQL, Check, Case, Tuple, Value, JOIN, asc, desc, cast, Func } from './expressions.js';
export type { Operand, OrderOptions, WindowSpec, JoinType } from './expressions.js';
export { ModelSelect, Insert, Update, Delete } from './queries.js';
export type { Selectable, RowType, DictRow, JoinOptions, PrefetchOptions } from './queries.js';
export { Load, BackrefAccessor, PREFETCH_TYPE } from './load.js';
export type { LoadOptions, PrefetchType } from './load.js';
export { prefetch } from './queries.js';
export type { PrefetchArgument } from './queries.js';
export type { ModelOptions } from './model.js';
export { CTE } from './queries.js';
export { ManyToManyField } from './many-to-many.js';
export type { ManyToManyOptions, ManyToManyQuery, ManyToManyItems } from './many-to-many.js';
export { CompoundSelect } from './compound.js';
export type { CompoundOperator, CompoundPart } from './compound.js';
export type { CteOptions, JoinTarget } from './queries.js';
