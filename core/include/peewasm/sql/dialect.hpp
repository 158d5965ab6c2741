#pragma once
// Dialect: SQLite's spelling of field types and operators, as data.

#include <string>
#include <string_view>
#include <unordered_map>

namespace peewasm {

struct Dialect {
  // Peewee's field_type labels (INT, VARCHAR, AUTO...) -> SQLite column types.
  std::unordered_map<std::string, std::string> field_types;
  // Operator overrides: Peewee's LIKE is SQLite's GLOB, ILIKE is LIKE.
  std::unordered_map<std::string, std::string> operations;
  std::string_view param = "?";
  char quote = '"';
  long long limit_max = -1;  // what LIMIT takes when only OFFSET is given

  std::string_view column_type(std::string_view field_type) const;
  std::string_view operation(std::string_view op) const;

  static const Dialect& sqlite();
};

}  // namespace peewasm
