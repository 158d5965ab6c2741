#pragma once
// Peewee's assertQueryCount: QueryCount count(db); ...; CHECK(count.delta() == 3);
// It also keeps the SQL it saw, so a failing count can show what ran:
// INFO(count.statements());

#include <cstdint>
#include <string>
#include <vector>

#include "peewasm/db/database.hpp"

class QueryCount {
 public:
  explicit QueryCount(peewasm::Database& db)
      : db_(db),
        start_(db.query_count()),
        listener_(db.log().subscribe(
            [this](const peewasm::QueryEvent& event) { statements_.push_back(event.sql); })) {}
  ~QueryCount() { db_.log().unsubscribe(listener_); }
  QueryCount(const QueryCount&) = delete;
  QueryCount& operator=(const QueryCount&) = delete;

  // Statements run since construction, failed ones included (the database's own counter).
  std::int64_t delta() const { return db_.query_count() - start_; }
  // Their SQL, one per line.
  std::string statements() const {
    std::string text;
    for (const auto& sql : statements_) text += sql + "\n";
    return text;
  }

 private:
  peewasm::Database& db_;
  std::int64_t start_;
  std::vector<std::string> statements_;
  peewasm::QueryLog::ListenerId listener_;
};
