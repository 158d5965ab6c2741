#include "json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace peewasm::wasm {
namespace {

const char* type_name(Json::Type type) {
  switch (type) {
    case Json::Type::Null: return "null";
    case Json::Type::Boolean: return "a boolean";
    case Json::Type::Number: return "a number";
    case Json::Type::String: return "a string";
    case Json::Type::Array: return "an array";
    case Json::Type::Object: return "an object";
  }
  return "a value";
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

void dump_string(std::string& out, const std::string& text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace

// Recursive descent over the text; `depth` bounds the nesting so hostile input cannot
// exhaust the stack.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  Json document() {
    Json value = parse_value(0);
    skip_space();
    if (at_ < text_.size()) fail("unexpected text after the document");
    return value;
  }

 private:
  static constexpr int kMaxDepth = 256;

  [[noreturn]] void fail(const std::string& problem) const {
    throw JsonError(problem + " at byte " + std::to_string(at_));
  }

  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  char peek() {
    skip_space();
    if (at_ >= text_.size()) fail("unexpected end of the text");
    return text_[at_];
  }

  void expect_word(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) fail("expected a value");
    at_ += word.size();
  }

  Json parse_value(int depth) {
    if (depth > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    switch (peek()) {
      case '{': return parse_object(depth);
      case '[': return parse_array(depth);
      case '"': return Json(parse_string());
      case 't': expect_word("true"); return Json(true);
      case 'f': expect_word("false"); return Json(false);
      case 'n': expect_word("null"); return Json();
      default: return parse_number();
    }
  }

  Json parse_object(int depth) {
    Json out = Json::object();
    ++at_;  // {
    if (peek() == '}') {
      ++at_;
      return out;
    }
    while (true) {
      if (peek() != '"') fail("expected a string key");
      out.keys_.push_back(parse_string());
      if (peek() != ':') fail("expected ':' after an object key");
      ++at_;
      out.items_.push_back(parse_value(depth + 1));
      const char next = peek();
      if (next != ',' && next != '}') fail("expected ',' or '}' in an object");
      ++at_;
      if (next == '}') return out;
    }
  }

  Json parse_array(int depth) {
    Json out = Json::array();
    ++at_;  // [
    if (peek() == ']') {
      ++at_;
      return out;
    }
    while (true) {
      out.items_.push_back(parse_value(depth + 1));
      const char next = peek();
      if (next != ',' && next != ']') fail("expected ',' or ']' in an array");
      ++at_;
      if (next == ']') return out;
    }
  }

  std::uint32_t hex4() {
    if (at_ + 4 > text_.size()) fail("unfinished \\u escape");
    std::uint32_t code = 0;
    const auto [end, error] = std::from_chars(text_.data() + at_, text_.data() + at_ + 4, code, 16);
    if (error != std::errc() || end != text_.data() + at_ + 4) fail("\\u needs four hex digits");
    at_ += 4;
    return code;
  }

  std::string parse_string() {
    ++at_;  // "
    std::string out;
    while (true) {
      if (at_ >= text_.size()) fail("unterminated string");
      const char c = text_[at_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) fail("unterminated string");
      switch (text_[at_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t code = hex4();
          // An escaped UTF-16 surrogate pair is one character; a lone surrogate (which
          // JSON.stringify escapes) has no UTF-8 form and becomes U+FFFD.
          if (code >= 0xD800 && code < 0xDC00 && text_.substr(at_, 2) == "\\u") {
            const std::size_t rewind = at_;
            at_ += 2;
            const std::uint32_t low = hex4();
            if (low >= 0xDC00 && low < 0xE000) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else {
              at_ = rewind;
            }
          }
          if (code >= 0xD800 && code < 0xE000) code = 0xFFFD;
          append_utf8(out, code);
          break;
        }
        default: fail("unknown escape in a string");
      }
    }
  }

  Json parse_number() {
    const std::size_t start = at_;
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    auto digits = [&] {
      const std::size_t from = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
      return at_ - from;
    };
    if (digits() == 0) fail("expected a value");
    bool integral = true;
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      integral = false;
      if (digits() == 0) fail("expected digits after '.'");
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      integral = false;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (digits() == 0) fail("expected digits in an exponent");
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + at_;
    if (integral) {
      std::int64_t value = 0;
      if (auto [end, error] = std::from_chars(first, last, value); error == std::errc() && end == last) return Json(value);
    }
    // strtod needs a terminated string; numbers are short.
    return Json(std::strtod(std::string(first, last).c_str(), nullptr));
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

Json::Json(std::initializer_list<std::pair<std::string, Json>> members) : type_(Type::Object) {
  for (const auto& [key, value] : members) {
    keys_.push_back(key);
    items_.push_back(value);
  }
}

Json Json::parse(std::string_view text) { return JsonParser(text).document(); }

std::size_t Json::size() const noexcept {
  if (type_ == Type::Null) return 0;
  if (type_ == Type::Array || type_ == Type::Object) return items_.size();
  return 1;
}

void Json::expect(Type type) const {
  if (type_ != type) {
    throw JsonError(std::string("expected ") + type_name(type) + ", found " + type_name(type_));
  }
}

const Json& Json::at(std::size_t index) const {
  expect(Type::Array);
  if (index >= items_.size()) {
    throw JsonError("index " + std::to_string(index) + " past the end of an array of " +
                    std::to_string(items_.size()));
  }
  return items_[index];
}

const Json& Json::at(std::string_view key) const {
  expect(Type::Object);
  const Json* found = find(key);
  if (found == end()) throw JsonError("no \"" + std::string(key) + "\" in an object");
  return *found;
}

Json& Json::operator[](std::string_view key) {
  if (type_ == Type::Null) type_ = Type::Object;
  expect(Type::Object);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return items_[i];
  }
  keys_.emplace_back(key);
  return items_.emplace_back();
}

const Json* Json::find(std::string_view key) const noexcept {
  if (type_ != Type::Object) return end();
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return &items_[i];
  }
  return end();
}

void Json::push_back(Json item) {
  if (type_ == Type::Null) type_ = Type::Array;
  expect(Type::Array);
  items_.push_back(std::move(item));
}

std::string Json::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

void Json::dump_to(std::string& out) const {
  switch (type_) {
    case Type::Null: out += "null"; break;
    case Type::Boolean: out += boolean_ ? "true" : "false"; break;
    case Type::Number:
      if (integral_) {
        out += std::to_string(integer_);
      } else if (!std::isfinite(number_)) {
        out += "null";  // as JSON.stringify writes NaN and Infinity
      } else {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", number_);
        out += text;
      }
      break;
    case Type::String: dump_string(out, text_); break;
    case Type::Array:
      out += '[';
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (i) out += ',';
        items_[i].dump_to(out);
      }
      out += ']';
      break;
    case Type::Object:
      out += '{';
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (i) out += ',';
        dump_string(out, keys_[i]);
        out += ':';
        items_[i].dump_to(out);
      }
      out += '}';
      break;
  }
}

}  // namespace peewasm::wasm
