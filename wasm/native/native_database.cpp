#include "native_database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <utility>

#include "boundary.hpp"
#include "peewasm/errors.hpp"
#include "values.hpp"

namespace peewasm::wasm {
namespace {

using emscripten::val;

DatabaseOptions options_from_js(const val& pragmas) {
  DatabaseOptions options;
  if (pragmas.isUndefined() || pragmas.isNull()) return options;
  const auto count = pragmas["length"].as<unsigned>();
  for (unsigned i = 0; i < count; ++i) {
    val pair = pragmas[i];
    auto name = pair[0].as<std::string>();
    auto value = from_js(pair[1], "pragma " + name);
    options.pragmas.emplace_back(std::move(name), std::move(value));
  }
  return options;
}

val event_to_js(const QueryEvent& event) {
  auto params = val::array();
  for (std::size_t i = 0; i < event.params.size(); ++i) params.set(i, to_js(event.params[i]));
  auto out = val::object();
  out.set("sql", text_to_js(event.sql));
  out.set("params", params);
  out.set("durationMs", std::chrono::duration<double, std::milli>(event.duration).count());
  out.set("rows", int_to_js(event.rows));
  out.set("failed", event.failed);
  return out;
}

}  // namespace

val NativeDatabase::open(const std::string& path, const val& pragmas) {
  return run_guarded([&] {
    if (database_) throw InterfaceError("The database is already open.");
    try {
      database_ = std::make_unique<Database>(path, options_from_js(pragmas));
    } catch (const OperationalError& error) {
      // The module's SQLite has no files (memory_only_vfs.cpp): say so, not only SQLite's words.
      if (error.sqlite_code() != SQLITE_CANTOPEN) throw;
      throw OperationalError(std::string(error.what()) + " \"" + path +
                                 "\": peewasm keeps its databases in memory and has no files; open ':memory:' "
                                 "(the default) and fill it with your models or SQL",
                             error.sqlite_code());
    }
    models_ = std::make_unique<BoundModels>();
    return val::undefined();
  });
}

val NativeDatabase::execute(const std::string& sql, const val& params) {
  return with_events(run_guarded([&] {
    auto& db = database();
    auto values = params_from_js(params);
    auto changed = db.execute(sql, values);
    auto out = val::object();
    out.set("rowsChanged", int_to_js(changed));
    out.set("lastInsertRowid", int_to_js(db.last_insert_rowid()));
    return out;
  }));
}

val NativeDatabase::query(const std::string& sql, const val& params) {
  return with_events(run_guarded([&] {
    auto& db = database();
    auto values = params_from_js(params);
    auto columns = val::array();
    auto rows = val::array();
    unsigned row_index = 0;
    db.query(sql, values, [&](const RowView& row) {
      const int count = row.column_count();
      if (row_index == 0) {
        for (int i = 0; i < count; ++i) {
          columns.set(i, text_to_js(std::string(row.column_name(i))));
        }
      }
      auto cells = val::array();
      for (int i = 0; i < count; ++i) cells.set(i, to_js(row.column(i)));
      rows.set(row_index++, cells);
    });
    auto out = val::object();
    out.set("columns", columns);
    out.set("rows", rows);
    return out;
  }));
}

double NativeDatabase::query_count() const {
  return database_ ? static_cast<double>(database_->query_count()) : 0.0;
}

void NativeDatabase::reset_query_count() {
  if (database_) database_->reset_query_count();
}

void NativeDatabase::subscribe() {
  if (!database_ || listener_) return;
  listener_ = database_->log().subscribe(
      [this](const QueryEvent& event) { pending_events_.push_back(event); });
}

void NativeDatabase::unsubscribe() {
  if (database_ && listener_) database_->log().unsubscribe(*listener_);
  listener_.reset();
  pending_events_.clear();
}

val NativeDatabase::close() {
  return run_guarded([&] {
    listener_.reset();
    pending_events_.clear();
    encoder_.clear();
    prepared_.clear();
    outcome_ = val::undefined();
    request_.clear();
    replies_.clear();
    models_.reset();
    database_.reset();
    return val::undefined();
  });
}

Database& NativeDatabase::database() {
  if (!database_) throw InterfaceError("Cannot operate on a closed database.");
  return *database_;
}

BoundModels& NativeDatabase::models() {
  database();  // the closed-database error
  return *models_;
}

val NativeDatabase::with_events(val result) {
  if (pending_events_.empty()) return result;
  auto events = val::array();
  for (std::size_t i = 0; i < pending_events_.size(); ++i) {
    events.set(i, event_to_js(pending_events_[i]));
  }
  pending_events_.clear();
  result.set("events", events);
  return result;
}

}  // namespace peewasm::wasm
