#include "json_text.hpp"

#include <cstdint>
#include <cstdio>

namespace peewasm::json_text {
namespace {

void append_escape(std::string& out, std::uint32_t unit) {
  char text[8];
  std::snprintf(text, sizeof text, "\\u%04x", static_cast<unsigned>(unit));
  out += text;
}

// One UTF-8 sequence at text[i] as \uXXXX escapes (a surrogate pair past U+FFFF); returns the
// bytes read. An invalid byte is copied as it is, for SQLite's json() to refuse.
std::size_t escape_utf8(std::string& out, std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) {
    out.push_back(text[i]);
    return 1;
  }
  std::uint32_t code = byte & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k) code = code << 6 | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  if (code >= 0x10000) {
    code -= 0x10000;
    append_escape(out, 0xD800 + (code >> 10));
    append_escape(out, 0xDC00 + (code & 0x3FF));
  } else {
    append_escape(out, code);
  }
  return length;
}

}  // namespace

std::string python_dumps_spacing(std::string_view document) {
  std::string out;
  out.reserve(document.size() + document.size() / 4);
  bool in_string = false;
  for (std::size_t i = 0; i < document.size();) {
    const char c = document[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      i += escape_utf8(out, document, i);
      continue;
    }
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < document.size()) out.push_back(document[++i]);
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out.push_back(c);
    } else if (c == ',' || c == ':') {
      out.push_back(c);
      out.push_back(' ');
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
    }
    ++i;
  }
  return out;
}

}  // namespace peewasm::json_text
