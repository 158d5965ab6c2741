#pragma once
// NativeDatabase: the Embind handle JS holds for one peewasm::Database. Each method is one
// boundary crossing: arguments arrive as plain JS data, the work runs inside run_guarded(),
// and one plain result comes back ({ok, value} or {ok: false, kind, message, sqliteCode}).
// No ORM logic here: this only translates types.
//
// Query log: while JS is subscribed, the core's QueryLog listener (plain C++) appends events
// to a buffer, and the result of the call that ran them carries them as `events`, so JS
// forwards them to its listeners after the call returns. No JS callback ever runs inside a
// C++ frame.

#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "peewasm/db/database.hpp"

namespace peewasm::wasm {

class NativeDatabase {
 public:
  NativeDatabase() = default;
  NativeDatabase(const NativeDatabase&) = delete;
  NativeDatabase& operator=(const NativeDatabase&) = delete;

  // pragmas: [[name, value], ...], applied in order. -> {ok, value: undefined}
  emscripten::val open(const std::string& path, const emscripten::val& pragmas);
  // -> {ok, value: {rowsChanged, lastInsertRowid}}
  emscripten::val execute(const std::string& sql, const emscripten::val& params);
  // -> {ok, value: {columns: [name...], rows: [[value...]...]}}; columns is empty when no
  // row came back (the core reports column names per row).
  emscripten::val query(const std::string& sql, const emscripten::val& params);

  // Statements run since open or the last reset; 0 once closed.
  double query_count() const;
  void reset_query_count();

  // Start/stop collecting query events for the `events` field of results.
  void subscribe();
  void unsubscribe();

  // Closes the connection (finalizing cached statements). Idempotent. -> {ok}
  emscripten::val close();

 private:
  Database& database();
  // Moves the collected events, if any, into result.events.
  emscripten::val with_events(emscripten::val result);

  std::unique_ptr<Database> database_;
  std::optional<QueryLog::ListenerId> listener_;
  std::vector<QueryEvent> pending_events_;
};

}  // namespace peewasm::wasm
