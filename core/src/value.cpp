#include "peewasm/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <compare>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "peewasm/errors.hpp"

namespace peewasm {
namespace {

[[noreturn]] void throw_type_mismatch(std::string_view expected, ValueType actual) {
  throw DataError("expected " + std::string(expected) + ", got " + std::string(to_string(actual)));
}

// Python's repr(float): the shortest digits that read back as the same double, laid out in
// fixed notation unless the exponent is below -4 or above 15 (repr(1e16) == '1e+16').
std::string python_float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";

  // The first precision whose correctly rounded form round-trips is the shortest one.
  // std::to_chars would do this, but Emscripten 3.1.6's libc++ has no floating-point to_chars.
  char buffer[32];
  for (int precision = 0;; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*e", precision, d);
    if (precision == 16 || std::strtod(buffer, nullptr) == d) break;
  }

  // buffer is [-]d[.ddd]e(+|-)xx
  std::string_view text(buffer);
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  const auto e = text.find('e');
  std::string digits(text.substr(0, e));
  if (digits.size() > 1) digits.erase(1, 1);  // the decimal point
  int exponent = 0;
  const auto exponent_text = text.substr(e + (text[e + 1] == '+' ? 2 : 1));
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);

  std::string out = negative ? "-" : "";
  const int point = exponent + 1;  // digits before the decimal point
  const int count = static_cast<int>(digits.size());
  if (point <= -4 || point > 16) {
    out += digits[0];
    if (count > 1) out.append(".").append(digits, 1);
    const int magnitude = std::abs(exponent);
    out += exponent < 0 ? "e-" : "e+";
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
  } else if (point <= 0) {
    out.append("0.").append(static_cast<std::size_t>(-point), '0').append(digits);
  } else if (point >= count) {
    out.append(digits).append(static_cast<std::size_t>(point - count), '0').append(".0");
  } else {
    out.append(digits, 0, point).append(".").append(digits, point);
  }
  return out;
}

// Python's repr(bytes): b'...' with \t \n \r, \xhh for the rest of the unprintables.
std::string python_bytes_repr(const Blob& blob) {
  const auto has = [&](std::uint8_t c) {
    return std::find(blob.begin(), blob.end(), c) != blob.end();
  };
  const char quote = has('\'') && !has('"') ? '"' : '\'';
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "b";
  out += quote;
  for (const std::uint8_t c : blob) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

// Null, numbers, text, blob: the storage-class order SQLite sorts by.
int rank(ValueType type) {
  switch (type) {
    case ValueType::Null: return 0;
    case ValueType::Integer:
    case ValueType::Real:
    case ValueType::Boolean: return 1;
    case ValueType::Text: return 2;
    case ValueType::Blob: return 3;
  }
  return 0;
}

int sign(auto difference) { return (difference > 0) - (difference < 0); }

// NaN sorts before every other number and equals itself, so the order stays total.
int compare_reals(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return int(std::isnan(b)) - int(std::isnan(a));
  return (a > b) - (a < b);
}

// Exact integer/real comparison (SQLite's sqlite3IntFloatCompare): casting the integer to a
// double would round above 2^53.
int compare_integer_real(std::int64_t i, double r) {
  if (std::isnan(r)) return 1;
  if (r < -9223372036854775808.0) return 1;
  if (r >= 9223372036854775808.0) return -1;
  const auto truncated = static_cast<std::int64_t>(r);
  if (i != truncated) return i < truncated ? -1 : 1;
  return compare_reals(static_cast<double>(i), r);
}

int compare_numbers(const Value& a, const Value& b) {
  if (!a.is_real() && !b.is_real()) return sign(a.as_int() <=> b.as_int());
  if (a.is_real() && b.is_real()) return compare_reals(a.as_real(), b.as_real());
  if (a.is_real()) return -compare_integer_real(b.as_int(), a.as_real());
  return compare_integer_real(a.as_int(), b.as_real());
}

int compare(const Value& a, const Value& b) {
  const int a_rank = rank(a.type());
  const int b_rank = rank(b.type());
  if (a_rank != b_rank) return a_rank < b_rank ? -1 : 1;
  switch (a.type()) {
    case ValueType::Null: return 0;
    case ValueType::Text: return sign(a.as_text().compare(b.as_text()));
    case ValueType::Blob: {
      const Blob& x = a.as_blob();
      const Blob& y = b.as_blob();
      const auto common = std::min(x.size(), y.size());
      const int prefix = common == 0 ? 0 : std::memcmp(x.data(), y.data(), common);
      return prefix != 0 ? sign(prefix) : sign(x.size() <=> y.size());
    }
    default: return compare_numbers(a, b);
  }
}

}  // namespace

std::int64_t Value::as_int() const {
  if (is_integer()) return std::get<std::int64_t>(data_);
  if (is_bool()) return std::get<bool>(data_) ? 1 : 0;
  throw_type_mismatch("integer", type());
}

double Value::as_real() const {
  if (is_real()) return std::get<double>(data_);
  if (is_integer() || is_bool()) return static_cast<double>(as_int());
  throw_type_mismatch("real", type());
}

const std::string& Value::as_text() const {
  if (is_text()) return std::get<std::string>(data_);
  throw_type_mismatch("text", type());
}

const Blob& Value::as_blob() const {
  if (is_blob()) return std::get<Blob>(data_);
  throw_type_mismatch("blob", type());
}

bool Value::as_bool() const {
  if (is_bool()) return std::get<bool>(data_);
  if (is_integer()) return std::get<std::int64_t>(data_) != 0;
  throw_type_mismatch("boolean", type());
}

std::string Value::to_string() const {
  switch (type()) {
    case ValueType::Null: return "None";
    case ValueType::Integer: return std::to_string(as_int());
    case ValueType::Real: return python_float_repr(as_real());
    case ValueType::Text: return as_text();
    case ValueType::Blob: return python_bytes_repr(as_blob());
    case ValueType::Boolean: return as_bool() ? "True" : "False";
  }
  return {};
}

std::string Value::to_sql_literal() const {
  switch (type()) {
    case ValueType::Null: return "NULL";
    case ValueType::Integer: return std::to_string(as_int());
    case ValueType::Real: {
      // SQL has no literal for these; SQLite's quote() writes infinities this way and
      // stores NaN as NULL.
      const double d = as_real();
      if (std::isnan(d)) return "NULL";
      if (std::isinf(d)) return d < 0 ? "-9.0e+999" : "9.0e+999";
      return python_float_repr(d);
    }
    case ValueType::Text: {
      std::string out = "'";
      for (const char c : as_text()) {
        if (c == '\'') out += '\'';
        out += c;
      }
      return out + "'";
    }
    case ValueType::Blob: {
      static constexpr char hex[] = "0123456789ABCDEF";
      std::string out = "X'";
      for (const std::uint8_t c : as_blob()) {
        out += hex[c >> 4];
        out += hex[c & 0xf];
      }
      return out + "'";
    }
    case ValueType::Boolean: return as_bool() ? "1" : "0";
  }
  return {};
}

bool Value::operator==(const Value& other) const { return compare(*this, other) == 0; }

bool Value::operator<(const Value& other) const { return compare(*this, other) < 0; }

std::size_t Value::hash() const {
  switch (type()) {
    case ValueType::Null: return 0;
    case ValueType::Text: return std::hash<std::string_view>{}(as_text());
    case ValueType::Blob: {
      const Blob& blob = as_blob();
      return std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size()));
    }
    case ValueType::Real: {
      // A real equal to an integer hashes as that integer; NaNs (all equal) alike.
      const double real = as_real();
      if (std::isnan(real)) return 1;
      if (real >= -9223372036854775808.0 && real < 9223372036854775808.0 && real == std::trunc(real)) {
        return std::hash<std::int64_t>{}(static_cast<std::int64_t>(real));
      }
      return std::hash<double>{}(real);
    }
    default: return std::hash<std::int64_t>{}(as_int());
  }
}

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::Null: return "null";
    case ValueType::Integer: return "integer";
    case ValueType::Real: return "real";
    case ValueType::Text: return "text";
    case ValueType::Blob: return "blob";
    case ValueType::Boolean: return "boolean";
  }
  return "unknown";
}

}  // namespace peewasm
