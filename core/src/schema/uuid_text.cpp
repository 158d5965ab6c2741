#include "uuid_text.hpp"

namespace peewasm::uuid_text {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void remove_all(std::string& text, std::string_view what) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at)) text.erase(at, what.size());
}

}  // namespace

std::optional<Bytes> parse(std::string_view text) {
  // uuid.UUID.__init__: drop "urn:" and "uuid:", strip braces at both ends, drop every dash.
  std::string digits(text);
  remove_all(digits, "urn:");
  remove_all(digits, "uuid:");
  const auto first = digits.find_first_not_of("{}");
  digits.erase(0, first == std::string::npos ? digits.size() : first);
  digits.erase(digits.find_last_not_of("{}") + 1);
  remove_all(digits, "-");
  if (digits.size() != 32) return std::nullopt;

  Bytes bytes{};
  for (std::size_t i = 0; i < 16; ++i) {
    const int high = hex_digit(digits[2 * i]);
    const int low = hex_digit(digits[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes[i] = static_cast<std::uint8_t>(high << 4 | low);
  }
  return bytes;
}

std::string hex(const Bytes& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(32);
  for (const std::uint8_t byte : bytes) {
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out;
}

std::string dashed(const Bytes& bytes) {
  std::string out = hex(bytes);
  for (const std::size_t at : {20, 16, 12, 8}) out.insert(at, 1, '-');
  return out;
}

}  // namespace peewasm::uuid_text
