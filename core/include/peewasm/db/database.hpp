#pragma once
// Database: one SQLite connection with a statement cache, nested transactions (atomic) and a
// query log. Every statement the ORM runs goes through execute() or query().

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "peewasm/db/query_log.hpp"
#include "peewasm/sql/dialect.hpp"
#include "peewasm/value.hpp"

struct sqlite3;  // headers never include sqlite3.h

namespace peewasm {

class StatementCache;

struct DatabaseOptions {
  // Applied in order right after opening, e.g. {{"foreign_keys", 1}}.
  std::vector<std::pair<std::string, Value>> pragmas;
  // How long to wait for a lock another connection holds (Peewee's timeout=5).
  std::chrono::milliseconds busy_timeout{5000};
  // Prepared statements kept for reuse, least recently used dropped first (Python's
  // sqlite3 keeps 128).
  std::size_t statement_cache_size = 128;
  // Column types for field type labels, added to SQLite's or replacing them (Peewee's
  // SqliteDatabase(..., field_types={'uuid': 'text'}) for a custom field's 'uuid').
  std::map<std::string, std::string> field_types;
};

// A column of the current row borrowed from SQLite, without copying its text or blob:
// `bytes` is valid until the row callback returns. Only the member for `type` is set.
struct ColumnCell {
  ValueType type = ValueType::Null;
  std::int64_t integer = 0;
  double real = 0;
  std::string_view bytes;
};

// One row as SQLite returned it; valid only during the row callback.
class RowView {
 public:
  virtual ~RowView() = default;
  virtual int column_count() const = 0;
  virtual Value column(int index) const = 0;
  virtual ColumnCell cell(int index) const = 0;
  virtual std::string_view column_name(int index) const = 0;
};

class Database {
 public:
  explicit Database(const std::string& path = ":memory:", DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const noexcept { return path_; }
  // SQLite's spelling of types and operators, with this database's field_types applied.
  const Dialect& dialect() const noexcept { return dialect_; }

  // Runs a statement that returns no rows we need (DDL, INSERT, UPDATE, DELETE, PRAGMA set).
  // Returns the number of rows changed. Throws the typed error SQLite's code maps to.
  std::int64_t execute(std::string_view sql, std::span<const Value> params = {});
  // Runs a statement and calls on_row for each row. Returns the number of rows.
  std::int64_t query(std::string_view sql, std::span<const Value> params,
                     const std::function<void(const RowView&)>& on_row);
  // Convenience: all rows, materialized.
  std::vector<std::vector<Value>> query_all(std::string_view sql,
                                            std::span<const Value> params = {});

  std::int64_t last_insert_rowid() const noexcept;

  // PRAGMA name = value (executed and logged), and PRAGMA name (read).
  void pragma(std::string_view name, const Value& value);
  Value pragma(std::string_view name);

  // atomic(fn): runs fn inside a transaction (outermost: BEGIN/COMMIT) or a savepoint (nested:
  // SAVEPOINT/RELEASE). If fn throws, the transaction or savepoint is rolled back and the
  // exception propagates; the database stays usable.
  void atomic(const std::function<void()>& fn);
  // atomic() in pieces, for callers that cannot hand over a callback (the wasm boundary runs
  // the JS function between two calls): begin_atomic() opens a block (BEGIN or SAVEPOINT);
  // commit_atomic() or roll_back_atomic() closes the innermost one. Calls must pair up.
  void begin_atomic();
  void commit_atomic();
  void roll_back_atomic();
  // Depth of open atomic blocks (0 outside any).
  int transaction_depth() const noexcept { return static_cast<int>(savepoints_.size()); }
  bool in_transaction() const noexcept;

  QueryLog& log() noexcept { return log_; }
  const QueryLog& log() const noexcept { return log_; }
  std::int64_t query_count() const noexcept { return log_.count(); }
  void reset_query_count() noexcept { log_.reset_count(); }

  // Number of prepared statements currently cached (for tests and the memory check).
  std::size_t cached_statement_count() const noexcept;

  sqlite3* handle() const noexcept { return connection_.get(); }

 private:
  struct CloseConnection {
    void operator()(sqlite3* db) const noexcept;
  };
  using RowCallback = std::function<void(const RowView&)>;

  // Counts, runs and logs one statement. on_row is null for execute(); returns the rows
  // returned (query) or changed (execute).
  std::int64_t run(std::string_view sql, std::span<const Value> params, const RowCallback* on_row);
  // Runs the statement; rows counts as it goes so a failure can report how far it got.
  void step(std::string_view sql, std::span<const Value> params, const RowCallback* on_row,
            std::int64_t& rows);
  void commit_block();
  void roll_back_block();

  std::string path_;
  Dialect dialect_;
  // Declared before the cache so cached statements are finalized before the connection closes.
  std::unique_ptr<sqlite3, CloseConnection> connection_;
  std::unique_ptr<StatementCache> statements_;
  QueryLog log_;
  std::vector<std::string> savepoints_;  // one entry per open atomic block
  std::uint64_t next_savepoint_ = 0;
};

}  // namespace peewasm
