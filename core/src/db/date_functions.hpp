#pragma once
// Private: the SQL functions Peewee's SqliteDatabase registers on every connection, so that
// DateTimeField parts (Event["event_date"].year()) run in SQLite, natively and in wasm:
//   date_part('year', '2024-01-17 09:30:00')  -> 2024
//   date_trunc('month', '2024-01-17 09:30:00') -> '2024-01-01 00:00:00'

struct sqlite3;

namespace peewasm {

// Throws the typed error for SQLite's code when registration fails.
void register_date_functions(sqlite3* db);

}  // namespace peewasm
