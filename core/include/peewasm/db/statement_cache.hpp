#pragma once
// StatementCache: prepared statements kept by SQL text, so a query the ORM runs again is not
// compiled again. A statement is leased for one execution; a statement whose SQL is still
// being stepped (a lazy load issued from inside a row callback runs the same SELECT) is never
// handed out twice: the inner call gets a second statement for the same text.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace peewasm {

class StatementCache {
  struct Entry;

 public:
  // Python's sqlite3 module keeps 128 statements too (cached_statements).
  static constexpr std::size_t default_capacity = 128;

  // A statement in use by one execution. Its end resets the statement and clears its
  // bindings, which makes it available again.
  class Lease {
   public:
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    // Null when the SQL held no statement (only whitespace or comments).
    sqlite3_stmt* get() const noexcept;

   private:
    friend class StatementCache;
    explicit Lease(Entry* entry) noexcept : entry_(entry) {}

    Entry* entry_;  // null when the SQL held no statement
  };

  explicit StatementCache(sqlite3* db, std::size_t capacity = default_capacity)
      : db_(db), capacity_(capacity) {}

  // The prepared statement for sql. Throws the typed error when SQLite rejects the text
  // (syntax error, unknown table...), and ProgrammingError when it holds more than one
  // statement, as Python's sqlite3 does.
  Lease acquire(std::string_view sql);

  std::size_t size() const noexcept { return entries_.size(); }
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const noexcept;
  };
  struct Entry {
    std::unique_ptr<sqlite3_stmt, Finalize> statement;
    bool in_use = false;
    std::uint64_t last_used = 0;
  };
  // Transparent, so a lookup by string_view allocates nothing.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept {
      return std::hash<std::string_view>{}(sql);
    }
  };

  Entry* prepare(std::string_view sql);
  void evict_one_unused();

  sqlite3* db_;
  std::size_t capacity_;
  std::uint64_t clock_ = 0;
  // A multimap: one SQL text has several statements while executions of it are nested.
  // Its nodes never move, so a Lease may point into it.
  std::unordered_multimap<std::string, Entry, Hash, std::equal_to<>> entries_;
};

}  // namespace peewasm
