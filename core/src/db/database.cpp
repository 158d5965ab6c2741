#include "peewasm/db/database.hpp"

#include <sqlite3.h>

#include <cassert>

#include "date_functions.hpp"
#include "peewasm/db/statement_cache.hpp"
#include "peewasm/errors.hpp"
#include "sqlite_error.hpp"

namespace peewasm {
namespace {

Value read_column(sqlite3_stmt* statement, int index) {
  switch (sqlite3_column_type(statement, index)) {
    case SQLITE_INTEGER: return Value(sqlite3_column_int64(statement, index));
    case SQLITE_FLOAT: return Value(sqlite3_column_double(statement, index));
    case SQLITE_TEXT: {
      // text before bytes: the order SQLite documents for a single conversion.
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, index));
      return text ? Value(std::string(text, size)) : Value(std::string());
    }
    case SQLITE_BLOB: {
      const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement, index));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, index));
      return data ? Value(Blob(data, data + size)) : Value(Blob());
    }
    default: return Value();
  }
}

class StatementRow final : public RowView {
 public:
  explicit StatementRow(sqlite3_stmt* statement) : statement_(statement) {}

  int column_count() const override { return sqlite3_column_count(statement_); }
  Value column(int index) const override {
    assert(index >= 0 && index < column_count());
    return read_column(statement_, index);
  }
  ColumnCell cell(int index) const override {
    assert(index >= 0 && index < column_count());
    ColumnCell cell;
    const void* data = nullptr;
    // text (or blob) before bytes: the order SQLite documents for a single conversion.
    switch (sqlite3_column_type(statement_, index)) {
      case SQLITE_INTEGER:
        cell.type = ValueType::Integer;
        cell.integer = sqlite3_column_int64(statement_, index);
        return cell;
      case SQLITE_FLOAT:
        cell.type = ValueType::Real;
        cell.real = sqlite3_column_double(statement_, index);
        return cell;
      case SQLITE_TEXT:
        cell.type = ValueType::Text;
        data = sqlite3_column_text(statement_, index);
        break;
      case SQLITE_BLOB:
        cell.type = ValueType::Blob;
        data = sqlite3_column_blob(statement_, index);
        break;
      default: return cell;
    }
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_, index));
    if (data) cell.bytes = std::string_view(static_cast<const char*>(data), size);
    return cell;
  }
  std::string_view column_name(int index) const override {
    assert(index >= 0 && index < column_count());
    const char* name = sqlite3_column_name(statement_, index);
    return name ? name : "";
  }

 private:
  sqlite3_stmt* statement_;
};

// SQLITE_STATIC: params outlive the execution and the lease clears the bindings at its end,
// so SQLite need not copy text and blobs.
void bind(sqlite3* db, sqlite3_stmt* statement, std::span<const Value> params) {
  const int expected = sqlite3_bind_parameter_count(statement);
  if (static_cast<std::size_t>(expected) != params.size()) {
    throw ProgrammingError("Incorrect number of bindings supplied. The current statement uses " +
                           std::to_string(expected) + ", and there are " +
                           std::to_string(params.size()) + " supplied.");
  }
  for (int index = 1; index <= expected; ++index) {
    const Value& value = params[static_cast<std::size_t>(index - 1)];
    int rc = SQLITE_OK;
    switch (value.type()) {
      case ValueType::Null: rc = sqlite3_bind_null(statement, index); break;
      case ValueType::Integer:
      case ValueType::Boolean: rc = sqlite3_bind_int64(statement, index, value.as_int()); break;
      case ValueType::Real: rc = sqlite3_bind_double(statement, index, value.as_real()); break;
      case ValueType::Text: {
        const std::string& text = value.as_text();
        rc = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
        break;
      }
      case ValueType::Blob: {
        // An empty vector may have no data pointer, which SQLite would bind as NULL.
        const Blob& blob = value.as_blob();
        rc = blob.empty()
                 ? sqlite3_bind_zeroblob(statement, index, 0)
                 : sqlite3_bind_blob64(statement, index, blob.data(), blob.size(), SQLITE_STATIC);
        break;
      }
    }
    if (rc != SQLITE_OK) throw_sqlite_error(db, rc);
  }
}

// Peewee writes `PRAGMA name = %s` % (value or 0).
std::string pragma_text(std::string_view name, const Value& value) {
  const bool falsy = value.is_null() || (value.is_number() && value.as_real() == 0.0) ||
                     (value.is_text() && value.as_text().empty()) ||
                     (value.is_blob() && value.as_blob().empty());
  return "PRAGMA " + std::string(name) + " = " + (falsy ? "0" : value.to_string());
}

std::string quoted_savepoint(const std::string& name) { return "SAVEPOINT \"" + name + "\""; }

}  // namespace

void Database::CloseConnection::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

Database::Database(const std::string& path, DatabaseOptions options) : path_(path), dialect_(Dialect::sqlite()) {
  for (auto& [label, column_type] : options.field_types) dialect_.field_types[label] = std::move(column_type);
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  connection_.reset(db);  // closed even when opening failed
  if (rc != SQLITE_OK) throw_sqlite_error(db, rc);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
  statements_ = std::make_unique<StatementCache>(db, options.statement_cache_size);
  register_date_functions(db);
  // Part of opening, as Peewee's _set_pragmas on connect: neither counted nor logged.
  for (const auto& [name, value] : options.pragmas) {
    const std::string sql = pragma_text(name, value) + ";";
    const int pragma_rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    if (pragma_rc != SQLITE_OK) throw_sqlite_error(db, pragma_rc);
  }
}

Database::~Database() = default;

std::int64_t Database::execute(std::string_view sql, std::span<const Value> params) {
  return run(sql, params, nullptr);
}

std::int64_t Database::query(std::string_view sql, std::span<const Value> params,
                             const std::function<void(const RowView&)>& on_row) {
  return run(sql, params, &on_row);
}

std::vector<std::vector<Value>> Database::query_all(std::string_view sql,
                                                    std::span<const Value> params) {
  std::vector<std::vector<Value>> rows;
  query(sql, params, [&rows](const RowView& row) {
    auto& values = rows.emplace_back();
    values.reserve(static_cast<std::size_t>(row.column_count()));
    for (int i = 0; i < row.column_count(); ++i) values.push_back(row.column(i));
  });
  return rows;
}

std::int64_t Database::last_insert_rowid() const noexcept {
  return sqlite3_last_insert_rowid(connection_.get());
}

void Database::pragma(std::string_view name, const Value& value) {
  execute(pragma_text(name, value));
}

Value Database::pragma(std::string_view name) {
  Value result;
  bool first = true;
  query("PRAGMA " + std::string(name), {}, [&](const RowView& row) {
    if (first && row.column_count() > 0) result = row.column(0);
    first = false;
  });
  return result;
}

void Database::begin_atomic() {
  const bool outermost = savepoints_.empty();
  std::string name = outermost ? std::string() : "s" + std::to_string(++next_savepoint_);
  execute(outermost ? "BEGIN" : quoted_savepoint(name));
  savepoints_.push_back(std::move(name));
}

void Database::commit_atomic() {
  if (savepoints_.empty()) throw InterfaceError("commit_atomic(): no atomic block is open; call begin_atomic() first");
  commit_block();
}

void Database::roll_back_atomic() {
  if (savepoints_.empty()) throw InterfaceError("roll_back_atomic(): no atomic block is open; call begin_atomic() first");
  roll_back_block();
}

void Database::atomic(const std::function<void()>& fn) {
  begin_atomic();
  try {
    fn();
  } catch (...) {
    roll_back_block();
    throw;
  }
  commit_block();
}

// COMMIT or RELEASE the innermost block; when that fails (a deferred foreign key, a lock),
// the block is rolled back so the database is usable, and the failure propagates.
void Database::commit_block() {
  const std::string& name = savepoints_.back();
  const std::string sql = name.empty() ? "COMMIT" : "RELEASE " + quoted_savepoint(name);
  try {
    execute(sql);
  } catch (...) {
    roll_back_block();
    throw;
  }
  savepoints_.pop_back();
}

void Database::roll_back_block() {
  const std::string name = std::move(savepoints_.back());
  savepoints_.pop_back();
  // SQLite ends the transaction itself after some errors: nothing is left to roll back.
  if (!in_transaction()) return;
  try {
    if (name.empty()) {
      execute("ROLLBACK");
    } else {
      execute("ROLLBACK TO " + quoted_savepoint(name));
      execute("RELEASE " + quoted_savepoint(name));
    }
  } catch (const Error&) {
    // The error that made us roll back is the one the caller needs; this one is in the log.
  }
}

bool Database::in_transaction() const noexcept {
  return sqlite3_get_autocommit(connection_.get()) == 0;
}

std::size_t Database::cached_statement_count() const noexcept { return statements_->size(); }

std::int64_t Database::run(std::string_view sql, std::span<const Value> params,
                           const RowCallback* on_row) {
  log_.add_to_count();
  std::int64_t rows = 0;
  if (!log_.has_listeners()) {
    step(sql, params, on_row, rows);
    return rows;
  }

  QueryEvent event;
  event.sql = sql;
  event.params.assign(params.begin(), params.end());
  const auto start = std::chrono::steady_clock::now();
  const auto publish = [&] {
    event.duration = std::chrono::steady_clock::now() - start;
    event.rows = rows;
    log_.publish(event);
  };
  try {
    step(sql, params, on_row, rows);
  } catch (...) {
    event.failed = true;
    publish();
    throw;
  }
  publish();
  return rows;
}

void Database::step(std::string_view sql, std::span<const Value> params, const RowCallback* on_row,
                    std::int64_t& rows) {
  sqlite3* db = connection_.get();
  const auto lease = statements_->acquire(sql);
  sqlite3_stmt* statement = lease.get();
  if (!statement) return;
  bind(db, statement, params);

  // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE even after DDL, so
  // only trust it when this statement changed something.
  const auto changes_before = sqlite3_total_changes64(db);
  const StatementRow row(statement);
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    if (!on_row) continue;
    ++rows;
    (*on_row)(row);
  }
  if (rc != SQLITE_DONE) throw_sqlite_error(db, rc);
  if (!on_row && sqlite3_total_changes64(db) != changes_before) rows = sqlite3_changes64(db);
}

}  // namespace peewasm
