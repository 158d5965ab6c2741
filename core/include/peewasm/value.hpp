#pragma once
// Value: one SQL value as it crosses between the ORM and SQLite.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace peewasm {

struct Null {
  bool operator==(const Null&) const = default;
};

using Blob = std::vector<std::uint8_t>;

enum class ValueType { Null, Integer, Real, Text, Blob, Boolean };

// Booleans are kept apart from integers so that results can hand back true/false;
// SQLite receives them as 0/1.
class Value {
 public:
  Value() = default;
  Value(Null) {}
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(static_cast<std::int64_t>(i)) {}
  Value(long i) : data_(static_cast<std::int64_t>(i)) {}
  Value(long long i) : data_(static_cast<std::int64_t>(i)) {}
  Value(unsigned u) : data_(static_cast<std::int64_t>(u)) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(Blob b) : data_(std::move(b)) {}

  ValueType type() const noexcept { return static_cast<ValueType>(data_.index()); }
  bool is_null() const noexcept { return type() == ValueType::Null; }
  bool is_integer() const noexcept { return type() == ValueType::Integer; }
  bool is_real() const noexcept { return type() == ValueType::Real; }
  bool is_text() const noexcept { return type() == ValueType::Text; }
  bool is_blob() const noexcept { return type() == ValueType::Blob; }
  bool is_bool() const noexcept { return type() == ValueType::Boolean; }
  bool is_number() const noexcept { return is_integer() || is_real() || is_bool(); }

  // Checked accessors: throw DataError naming the actual type.
  std::int64_t as_int() const;
  double as_real() const;  // integers and booleans widen
  const std::string& as_text() const;
  const Blob& as_blob() const;
  bool as_bool() const;  // integers: non-zero is true

  // Python-like rendering used by print(): None, True, 1, 1.5, text as is.
  std::string to_string() const;
  // SQL-literal rendering for display only (never executed): NULL, 1, 'it''s'.
  std::string to_sql_literal() const;

  // Equality follows SQL's integer/real/boolean numeric comparison; text and blobs compare
  // by content; null equals only null (as Python's None == None).
  bool operator==(const Value& other) const;
  // A total order (null < numbers < text < blob), SQLite's own, for sorting and map keys.
  bool operator<(const Value& other) const;
  // A hash for hash-map keys, equal for values neither of which orders before the other
  // (1, 1.0 and true hash alike).
  std::size_t hash() const;

 private:
  std::variant<Null, std::int64_t, double, std::string, Blob, bool> data_;
};

std::string_view to_string(ValueType type);

// Value::hash, for std::unordered_map<Value, ...> (keys equal by Value's ==).
struct ValueHash {
  std::size_t operator()(const Value& value) const { return value.hash(); }
};

}  // namespace peewasm
