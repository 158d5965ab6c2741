// The public surface, shared by both entries (index.ts for browsers and bundlers, node.ts for
// Node). Each module of the package adds its exports here; the Embind module stays private.
export { Database } from './database.js';
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
