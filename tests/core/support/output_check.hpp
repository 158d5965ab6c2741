#pragma once
// Compares printed lines with an oracle case's output: in order, or as a multiset where the
// query has no ORDER BY and SQLite's plan decides the order (the oracle README's rule).

#include <algorithm>
#include <string>
#include <vector>

#include "peewasm/schema/instance.hpp"
#include "support/oracle.hpp"
#include "support/python_repr.hpp"

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

// print(value): None for NULL.
inline std::string str(const Value& value) { return value.is_null() ? "None" : value.to_string(); }

// print(instance.<attr>.<field>): a joined or lazily loaded related instance's field.
inline std::string related(const Instance& instance, const std::string& attr, const std::string& field) {
  return str(instance.related(attr)->get(field));
}

// print([row.<field> for row in rows])
inline std::string listed(const std::vector<Instance>& rows, const std::string& field) {
  std::vector<Value> values;
  for (const Instance& row : rows) values.push_back(row.get(field));
  return py_list(values);
}

}  // namespace peewasm::test
