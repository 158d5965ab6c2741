#include "decimal_text.hpp"

#include <cctype>

namespace peewasm::decimal_text {
namespace {

constexpr std::size_t kContextPrecision = 28;  // decimal.DefaultContext.prec

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

void strip_leading_zeros(std::string& digits) {
  const auto first = digits.find_first_not_of('0');
  digits.erase(0, first == std::string::npos ? digits.size() - 1 : first);
  if (digits.empty()) digits = "0";
}

// Adds one to a string of decimal digits.
void increment(std::string& digits) {
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it != '9') {
      ++*it;
      return;
    }
    *it = '0';
  }
  digits.insert(digits.begin(), '1');
}

}  // namespace

std::optional<Decimal> parse(std::string_view text) {
  text = trim(text);
  Decimal value;
  std::size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) value.negative = text[pos++] == '-';

  std::string digits;
  std::int64_t fraction_digits = 0;
  while (pos < text.size() && is_digit(text[pos])) digits += text[pos++];
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && is_digit(text[pos])) {
      digits += text[pos++];
      ++fraction_digits;
    }
  }
  if (digits.empty()) return std::nullopt;

  std::int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool negative_exponent = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative_exponent = text[pos++] == '-';
    const std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) {
      // Beyond nine digits the number could not be quantized or stored anyway.
      if (pos - start == 9) return std::nullopt;
      exponent = exponent * 10 + (text[pos++] - '0');
    }
    if (pos == start) return std::nullopt;
    if (negative_exponent) exponent = -exponent;
  }
  if (pos != text.size()) return std::nullopt;

  strip_leading_zeros(digits);
  value.coefficient = std::move(digits);
  value.exponent = exponent - fraction_digits;
  return value;
}

std::optional<Decimal> quantize(const Decimal& value, int places) {
  const std::int64_t target = -static_cast<std::int64_t>(places);
  Decimal out{value.negative, value.coefficient, target};
  if (value.exponent >= target) {
    // More places than the value has: pad with zeros (zero stays "0").
    const std::int64_t pad = value.exponent - target;
    if (out.coefficient != "0") {
      if (pad > static_cast<std::int64_t>(kContextPrecision)) return std::nullopt;
      out.coefficient.append(static_cast<std::size_t>(pad), '0');
    }
  } else {
    const std::int64_t drop = target - value.exponent;
    const auto size = static_cast<std::int64_t>(value.coefficient.size());
    if (drop > size) {
      out.coefficient = "0";  // everything dropped is below half a unit
    } else {
      std::string kept = value.coefficient.substr(0, static_cast<std::size_t>(size - drop));
      const std::string_view dropped = std::string_view(value.coefficient).substr(kept.size());
      const bool above_half = dropped[0] > '5' ||
                              (dropped[0] == '5' && dropped.find_first_not_of('0', 1) != std::string_view::npos);
      const bool exactly_half = dropped[0] == '5' && !above_half;
      if (kept.empty()) kept = "0";
      const bool odd = (kept.back() - '0') % 2 == 1;
      if (above_half || (exactly_half && odd)) increment(kept);
      strip_leading_zeros(kept);
      out.coefficient = std::move(kept);
    }
  }
  if (out.coefficient.size() > kContextPrecision) return std::nullopt;
  return out;
}

// Decimal.__str__ (the to-sci-string of the General Decimal Arithmetic specification).
std::string to_string(const Decimal& value) {
  const std::string& digits = value.coefficient;
  const auto count = static_cast<std::int64_t>(digits.size());
  const std::int64_t left_digits = value.exponent + count;
  const std::int64_t dot_place = value.exponent <= 0 && left_digits > -6 ? left_digits : 1;

  std::string out = value.negative ? "-" : "";
  if (dot_place <= 0) {
    out.append("0.").append(static_cast<std::size_t>(-dot_place), '0').append(digits);
  } else if (dot_place >= count) {
    out.append(digits).append(static_cast<std::size_t>(dot_place - count), '0');
  } else {
    const auto split = static_cast<std::size_t>(dot_place);
    out.append(digits, 0, split).append(".").append(digits, split);
  }
  if (left_digits != dot_place) {
    const std::int64_t shown = left_digits - dot_place;
    out += shown < 0 ? "E-" : "E+";
    out += std::to_string(shown < 0 ? -shown : shown);
  }
  return out;
}

}  // namespace peewasm::decimal_text
