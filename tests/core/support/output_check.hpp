#pragma once
// Compares printed lines with an oracle case's output: in order, or as a multiset where the
// query has no ORDER BY and SQLite's plan decides the order (the oracle README's rule).

#include <algorithm>
#include <string>
#include <vector>

#include "support/oracle.hpp"

namespace peewasm::test {

enum class LineOrder { Exact, Any };

inline void check_output(std::vector<std::string> lines, const std::string& id, LineOrder order = LineOrder::Exact) {
  CAPTURE(id);
  std::vector<std::string> expected = oracle_output(id);
  if (order == LineOrder::Any) {
    std::sort(lines.begin(), lines.end());
    std::sort(expected.begin(), expected.end());
  }
  CHECK(lines == expected);
}

// Python's print(a, b, c): the texts joined by single spaces.
inline std::string words(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : " ") + part;
  return out;
}

}  // namespace peewasm::test
