#pragma once
// Private: decimal numbers as text, the way Python's decimal.Decimal reads, rounds and prints
// them. DecimalField stores and returns these as text so that no digit goes through a double.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peewasm::decimal_text {

// (-1)^negative * coefficient * 10^exponent. The coefficient is decimal digits without
// leading zeros ("0" for zero); "1.50" is {false, "150", -2}.
struct Decimal {
  bool negative = false;
  std::string coefficient = "0";
  std::int64_t exponent = 0;
};

// Decimal(text) for finite numbers: "3.14", " -1.5e3 ", ".5", "5.". Infinity and NaN, and
// anything else, give nothing.
std::optional<Decimal> parse(std::string_view text);

// value.quantize(Decimal(10) ** -places) with ROUND_HALF_EVEN, Python's default rounding:
// "3.14159" -> "3.14", "2.5" -> "2" at 0 places. Nothing when the result needs more than the
// default context's 28 digits (Python raises InvalidOperation).
std::optional<Decimal> quantize(const Decimal& value, int places);

// str(Decimal): "3.14", "10.00", "-0.00", "1E+16", "1E-7".
std::string to_string(const Decimal& value);

}  // namespace peewasm::decimal_text
