#pragma once
// Private: turns a failed SQLite call into the typed error Python's sqlite3 module raises.

#include "peewasm/errors.hpp"

struct sqlite3;

namespace peewasm {

// The kind for a (primary or extended) SQLite result code.
ErrorKind error_kind_for(int sqlite_code) noexcept;

// Throws the typed error with sqlite3_errmsg's text and the extended result code. Call it
// right after the failing call, before anything else touches the connection.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int sqlite_code);

}  // namespace peewasm
