// The error classes of Peewee's hierarchy. The core's errors cross the wasm boundary as data
// ({kind, message, sqliteCode}) and errorFromNative() turns them into these classes, so
// `err instanceof IntegrityError` and `err.name === 'IntegrityError'` both hold.
import type { NativeFailure } from './native.js';

export interface PeeweeErrorOptions {
  /** SQLite's extended result code, when SQLite reported the failure. */
  sqliteCode?: number;
  cause?: unknown;
}

/** Base of every error peewasm throws (Peewee's PeeweeException). */
export class PeeweeError extends Error {
  /** SQLite's extended result code (e.g. 2067 SQLITE_CONSTRAINT_UNIQUE), if SQLite failed. */
  declare readonly sqliteCode?: number;

  constructor(message: string, options: PeeweeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Set only when SQLite reported the failure, so other errors print without it.
    if (options.sqliteCode) (this as { sqliteCode?: number }).sqliteCode = options.sqliteCode;
  }

  static {
    this.prototype.name = 'PeeweeError';
  }
}

/** The model or query is set up wrongly (unknown field, a join without a foreign key...). */
export class ImproperlyConfigured extends PeeweeError {
  static {
    this.prototype.name = 'ImproperlyConfigured';
  }
}

/** get() found no row. */
export class DoesNotExist extends PeeweeError {
  static {
    this.prototype.name = 'DoesNotExist';
  }
}

export class DatabaseError extends PeeweeError {
  static {
    this.prototype.name = 'DatabaseError';
  }
}

/** A constraint failed (UNIQUE, NOT NULL, FOREIGN KEY, CHECK). */
export class IntegrityError extends DatabaseError {
  static {
    this.prototype.name = 'IntegrityError';
  }
}

/** SQLite could not run the statement (syntax error, no such table, ...). */
export class OperationalError extends DatabaseError {
  static {
    this.prototype.name = 'OperationalError';
  }
}

/** The statement or its parameters are wrong (e.g. a wrong number of parameters). */
export class ProgrammingError extends DatabaseError {
  static {
    this.prototype.name = 'ProgrammingError';
  }
}

/** A value has the wrong type or range (e.g. a parameter that cannot be bound). */
export class DataError extends DatabaseError {
  static {
    this.prototype.name = 'DataError';
  }
}

export class NotSupportedError extends DatabaseError {
  static {
    this.prototype.name = 'NotSupportedError';
  }
}

/**
 * The database cannot be used this way (e.g. it is closed). As in Peewee and DB-API, this
 * is not a DatabaseError: the database never saw the call.
 */
export class InterfaceError extends PeeweeError {
  static {
    this.prototype.name = 'InterfaceError';
  }
}

const classByKind: Record<NativeFailure['kind'], typeof PeeweeError> = {
  ImproperlyConfigured,
  DoesNotExist,
  IntegrityError,
  OperationalError,
  ProgrammingError,
  DataError,
  NotSupportedError,
  InterfaceError,
};

// The core's messages name Peewee's methods; in JS they have camelCase names.
const jsMethodNames: ReadonlyArray<readonly [string, string]> = [['with_related(', 'withRelated(']];

/** A core message with the JS names of the methods it names. */
export function jsMessage(message: string): string {
  return jsMethodNames.reduce((text, [peewee, js]) => text.replaceAll(peewee, js), message);
}

/** The JS error for a failure returned by the bindings. */
export function errorFromNative(failure: NativeFailure): PeeweeError {
  const ErrorClass = Object.hasOwn(classByKind, failure.kind)
    ? classByKind[failure.kind]
    : InterfaceError;
  return new ErrorClass(jsMessage(failure.message), { sqliteCode: failure.sqliteCode });
}
