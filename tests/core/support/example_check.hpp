#pragma once
// One seed example against its oracle case: the printed lines, the number of queries and every
// statement with its parameters.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/oracle.hpp"
#include "support/query_count.hpp"

namespace peewasm::test {

// Lines printed while iterating a query with no ORDER BY come in SQLite's plan order, which the
// oracle README says to compare as a multiset.
enum class LineOrder { Exact, AnyOrder };

inline void check_example(const std::string& id, const Recorder& recorder, const QueryCount& count,
                          std::vector<std::string> lines, LineOrder order = LineOrder::Exact) {
  CAPTURE(id);
  std::vector<std::string> expected = oracle_output(id);
  if (order == LineOrder::AnyOrder) {
    std::sort(lines.begin(), lines.end());
    std::sort(expected.begin(), expected.end());
  }
  CHECK(lines == expected);
  CHECK_MESSAGE(count.delta() == oracle_case(id)["query_count"].get<std::int64_t>(), count.statements());
  check_oracle(recorder, id);
}

}  // namespace peewasm::test
