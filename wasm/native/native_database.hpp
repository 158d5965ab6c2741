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

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bound_models.hpp"
#include "encode_result.hpp"
#include "heap_values.hpp"
#include "prepared_select.hpp"
#include "json.hpp"
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

  // ORM entries (native_orm.cpp). Requests are JSON text (decode_query.hpp, bound_models.hpp)
  // with their values apart, in `params` (a JS array, see values.hpp).
  // Binds a model. -> {ok, value: description as JSON text}
  emscripten::val define_model(const std::string& spec, const emscripten::val& params);
  // {"run": mode, "aliases"?: [...], "q": query}. Modes and their value:
  //   rows    a select's result payload (encode_result.hpp), a Uint8Array view on the heap
  //           that JS must read before its next call
  //   get     the same for the first row; DoesNotExist when there is none
  //   sql     [sql, params] of any query
  //   count | exists | scalar     a number | a boolean | a value
  //   execute insert: the last row id; update, delete: rows changed
  // A compound select runs with rows (its first select's plan) or sql. A many-to-many
  // relation ({"k": "m2m"}) runs add | remove | clear, with "items" (decode_query.hpp).
  emscripten::val run(const std::string& request, const emscripten::val& params);
  // A "get" request run many times with other values (get by id, lazy loads), compiled once
  // here with its first values (prepared_select.hpp), then run by its number.
  // -> {ok, value: number}
  emscripten::val prepare(const std::string& request, const emscripten::val& params);
  // The hot entries answer with a number, not a result object: 0 when the call succeeded
  // and logged nothing, 1 when take_outcome() holds its result ({ok: false, ...} or
  // {ok: true} with events). On success the payload's address and byte length are the two
  // u32 at reply_address(), valid until the next call. `plan_known`: JS holds the plan of the
  // request's payload, which then omits it (encode_result.hpp).
  int run_prepared(unsigned id, const emscripten::val& params, bool plan_known);
  // One parameter, a number: JS calls it through a plain C export (bindings.cpp), which
  // costs less per call than an Embind method.
  int run_prepared_number(unsigned id, double value, bool plan_known);
  emscripten::val take_outcome();
  double reply_address() const;
  // This object's address, the first argument of the C exports.
  double address() const;
  // Instance::save, its request in the heap buffer (heap_values.hpp), `length` bytes:
  // u32 model id, u8 force, u32 n + n x (u32 field position, value) for the fields set,
  // u32 n + n x u32 position for the dirty ones, u32 n + n x u32 position for only=
  // (positions in the core's field order; 0xFFFFFFFF: a name that is no field).
  // Answers as run_prepared(); the reply holds values: rows, then the primary key's.
  int save(unsigned length);
  // Model.insertMany(rows).execute() of plain values (no expressions, no conflict clause), its
  // request in the heap buffer: u32 model id, u32 rows, then per row u32 n + n x (u32 field
  // position, value). Rows that all give the same fields run through Model::insert_plain,
  // others as the JSON request would. Answers as run_prepared(); the reply holds one value,
  // the last row id.
  int insert_rows(unsigned length);
  // The address of a buffer of at least `size` bytes for the next heap request; what was
  // written before stays.
  double request_buffer(unsigned size);
  // {"m": id, "pk": [param index]} -> {ok, value: rows deleted} (Instance::delete_instance)
  emscripten::val delete_instance(const std::string& request, const emscripten::val& params);
  // {"m": id, "where": [[field, param index]], "defaults": [[field, param index]]}
  // -> {ok, value: {created, values: [value per field, in the model's order]}}
  emscripten::val get_or_create(const std::string& request, const emscripten::val& params,
                                const emscripten::val& defaults);
  // ids: JSON array of model ids. -> {ok}
  emscripten::val create_tables(const std::string& ids, bool safe);
  emscripten::val drop_tables(const std::string& ids, bool safe);
  // db.atomic(fn) in pieces: JS runs fn between begin and commit (or rollback). -> {ok}
  emscripten::val begin_atomic();
  emscripten::val commit_atomic();
  emscripten::val roll_back_atomic();

 private:
  Database& database();
  BoundModels& models();
  emscripten::val run_request(const Json& request, const emscripten::val& params);
  void run_prepared_with(unsigned id, std::span<const Value> params, bool plan_known);
  const std::vector<std::uint8_t>& get_first(const ModelSelect& select);
  int reply(std::optional<emscripten::val> failure);
  // Points reply_ at what replies_ holds.
  void reply_with_values();
  // Moves the collected events, if any, into result.events.
  emscripten::val with_events(emscripten::val result);

  std::unique_ptr<Database> database_;
  std::unique_ptr<BoundModels> models_;  // with the database: they point at it
  ResultEncoder encoder_;
  std::vector<PreparedSelect> prepared_;
  std::array<std::uint32_t, 2> reply_{};
  HeapRequestBuffer request_;
  HeapValueWriter replies_;
  emscripten::val outcome_ = emscripten::val::undefined();
  std::optional<QueryLog::ListenerId> listener_;
  std::vector<QueryEvent> pending_events_;
};

}  // namespace peewasm::wasm
