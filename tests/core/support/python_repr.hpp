#pragma once
// What Python's print() shows for the containers the seed examples print: lists of strings
// ['a', 'b'], tuples, and query.sql()'s ('SELECT ...', [1, 'x']).

#include <string>
#include <vector>

#include "peewasm/sql/context.hpp"
#include "peewasm/value.hpp"

namespace peewasm::test {

// repr(): text quoted as Python quotes it, everything else as print() shows it.
inline std::string py_repr(const Value& value) {
  if (!value.is_text()) return value.to_string();
  const std::string& text = value.as_text();
  char quote = text.find('\'') != std::string::npos && text.find('"') == std::string::npos ? '"' : '\'';
  return quote + text + quote;
}

// "[a, b]" of already-rendered items; Python's tuple "(a, b)" with tuple = true.
inline std::string py_join(const std::vector<std::string>& items, bool tuple = false) {
  std::string out(1, tuple ? '(' : '[');
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + (tuple ? ")" : "]");
}

inline std::string py_list(const std::vector<Value>& values) {
  std::vector<std::string> items;
  for (const Value& value : values) items.push_back(py_repr(value));
  return py_join(items);
}

// print(query.sql())
inline std::string py_sql(const CompiledSql& compiled) {
  return py_join({py_repr(Value(compiled.sql)), py_list(compiled.params)}, true);
}

}  // namespace peewasm::test
