#include "sqlite_error.hpp"

#include <sqlite3.h>

namespace peewasm {

// The table of CPython's Modules/_sqlite/util.c. SQLite's INTERNAL, NOTFOUND and CORRUPT map
// to Python's InternalError and plain DatabaseError there; we have no such kinds and use
// OperationalError, the closest one a caller can act on.
ErrorKind error_kind_for(int sqlite_code) noexcept {
  switch (sqlite_code & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH: return ErrorKind::IntegrityError;
    case SQLITE_TOOBIG: return ErrorKind::DataError;
    case SQLITE_MISUSE:
    case SQLITE_RANGE: return ErrorKind::InterfaceError;
    default: return ErrorKind::OperationalError;
  }
}

void throw_sqlite_error(sqlite3* db, int sqlite_code) {
  throw_error(error_kind_for(sqlite_code), db ? sqlite3_errmsg(db) : sqlite3_errstr(sqlite_code),
              sqlite_code);
}

}  // namespace peewasm
