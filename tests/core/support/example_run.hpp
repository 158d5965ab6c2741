#pragma once
// One seed example checked against its oracle case: construct it right before the example's
// body, then check() the printed lines, the number of statements the body ran and each
// statement with its parameters, byte for byte.

#include <cstdint>
#include <string>
#include <vector>

#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/query_count.hpp"

namespace peewasm::test {

// The oracle's query_count, less the connection pragma Peewee runs (and counts) inside a body
// that opens the database; ours applies pragmas when it opens.
inline std::int64_t oracle_query_count(const std::string& id) {
  const auto& c = oracle_case(id);
  std::int64_t count = c["query_count"].get<std::int64_t>();
  for (const auto& statement : c["executed"]["body"]) count -= statement.value("kind", "") == "pragma";
  return count;
}

class ExampleRun {
 public:
  explicit ExampleRun(Database& db) : recorder_(db), count_(db) {}

  void check(const std::vector<std::string>& lines, const std::string& id, LineOrder order = LineOrder::Exact) const {
    check_output(lines, id, order);
    CHECK(count_.delta() == oracle_query_count(id));
    check_oracle(recorder_, id);
  }
  // Statements run so far.
  std::int64_t queries() const { return count_.delta(); }

 private:
  Recorder recorder_;
  QueryCount count_;
};

}  // namespace peewasm::test
