#include "peewasm/db/statement_cache.hpp"

#include <sqlite3.h>

#include <cctype>
#include <climits>

#include "sqlite_error.hpp"

namespace peewasm {
namespace {

// True when sql holds only whitespace and comments (what Python's sqlite3 accepts after the
// first statement).
bool is_blank(std::string_view sql) {
  while (!sql.empty()) {
    if (std::isspace(static_cast<unsigned char>(sql.front()))) {
      sql.remove_prefix(1);
    } else if (sql.starts_with("--")) {
      const auto end = sql.find('\n');
      sql.remove_prefix(end == std::string_view::npos ? sql.size() : end + 1);
    } else if (sql.starts_with("/*")) {
      const auto end = sql.find("*/", 2);
      sql.remove_prefix(end == std::string_view::npos ? sql.size() : end + 2);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

void StatementCache::Finalize::operator()(sqlite3_stmt* statement) const noexcept {
  sqlite3_finalize(statement);
}

StatementCache::Lease::~Lease() {
  if (!entry_) return;
  sqlite3_stmt* statement = entry_->statement.get();
  // reset() repeats the last step's error code; that error was already reported.
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  entry_->in_use = false;
}

sqlite3_stmt* StatementCache::Lease::get() const noexcept {
  return entry_ ? entry_->statement.get() : nullptr;
}

StatementCache::Lease StatementCache::acquire(std::string_view sql) {
  const auto [first, last] = entries_.equal_range(sql);
  for (auto it = first; it != last; ++it) {
    Entry& entry = it->second;
    if (entry.in_use) continue;
    entry.in_use = true;
    entry.last_used = ++clock_;
    return Lease(&entry);
  }
  return Lease(prepare(sql));
}

StatementCache::Entry* StatementCache::prepare(std::string_view sql) {
  if (is_blank(sql)) return nullptr;
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    throw DataError("query string is too large");
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  std::unique_ptr<sqlite3_stmt, Finalize> statement(raw);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc);
  if (!is_blank(sql.substr(static_cast<std::size_t>(tail - sql.data())))) {
    throw ProgrammingError("You can only execute one statement at a time.");
  }
  if (!statement) return nullptr;  // a lone ";"

  if (entries_.size() >= capacity_) evict_one_unused();
  auto it = entries_.emplace(std::string(sql), Entry{std::move(statement)});
  it->second.in_use = true;
  it->second.last_used = ++clock_;
  return &it->second;
}

// Drops the least recently used statement that no execution holds. When every statement is
// in use (deeply nested executions), the cache grows past its capacity for a while.
void StatementCache::evict_one_unused() {
  auto victim = entries_.end();
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->second.in_use) continue;
    if (victim == entries_.end() || it->second.last_used < victim->second.last_used) victim = it;
  }
  if (victim != entries_.end()) entries_.erase(victim);
}

}  // namespace peewasm
