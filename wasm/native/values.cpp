#include "values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "peewasm/errors.hpp"

namespace peewasm::wasm {
namespace {

using emscripten::val;

constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;  // Number.MAX_SAFE_INTEGER
constexpr std::size_t kShortText = 32;

const val& uint8_array_class() {
  static const val cls = val::global("Uint8Array");
  return cls;
}

std::string describe_type(const val& value) {
  auto type = value.typeOf().as<std::string>();
  if (type == "object") {
    auto name = value["constructor"]["name"];
    if (name.isString()) return name.as<std::string>();
  }
  return type;
}

Value bigint_from_js(const val& value, std::string_view what) {
  auto digits = value.call<std::string>("toString");
  std::int64_t result = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), result);
  if (error != std::errc{} || end != digits.data() + digits.size()) {
    throw DataError(std::string(what) + ": the bigint " + digits +
                    " is outside SQLite's 64-bit integer range");
  }
  return Value(static_cast<long long>(result));
}

}  // namespace

val int_to_js(std::int64_t value) {
  if (value >= -kMaxSafeInteger && value <= kMaxSafeInteger) {
    return val(static_cast<double>(value));
  }
  return val::global("BigInt")(val(std::to_string(value)));
}

val text_to_js(const std::string& text) {
  // Embind 3.1.6 has two ways in: val(const char*) reads Latin-1 straight from the buffer
  // (one call, right only for ASCII without NUL; fast for short text), and val(std::string)
  // decodes UTF-8 of any length (a malloc'd copy that JS decodes, with TextDecoder past 16
  // bytes, and frees).
  if (text.size() <= kShortText &&
      std::all_of(text.begin(), text.end(), [](unsigned char c) { return c != 0 && c < 0x80; })) {
    return val(text.c_str());
  }
  return val(text);
}

val to_js(const Value& value) {
  switch (value.type()) {
    case ValueType::Null:
      return val::null();
    case ValueType::Integer:
      return int_to_js(value.as_int());
    case ValueType::Real:
      return val(value.as_real());
    case ValueType::Text:
      return text_to_js(value.as_text());
    case ValueType::Blob: {
      const auto& blob = value.as_blob();
      // slice() copies out of the heap: the result stays valid when memory grows.
      return val(emscripten::typed_memory_view(blob.size(), blob.data())).call<val>("slice");
    }
    case ValueType::Boolean:
      return val(value.as_bool());
  }
  return val::null();
}

Value number_value(double number) {
  if (std::trunc(number) == number && std::fabs(number) <= static_cast<double>(kMaxSafeInteger)) {
    return Value(static_cast<long long>(number));
  }
  return Value(number);
}

Value from_js(const val& value, std::string_view what) {
  if (value.isNull() || value.isUndefined()) return Value(Null{});
  if (value.isTrue()) return Value(true);
  if (value.isFalse()) return Value(false);
  if (value.isNumber()) return number_value(value.as<double>());
  if (value.isString()) return Value(value.as<std::string>());
  if (value.instanceof(uint8_array_class())) {
    return Value(emscripten::convertJSArrayToNumberVector<std::uint8_t>(value));
  }
  if (value.typeOf().as<std::string>() == "bigint") return bigint_from_js(value, what);
  throw DataError(std::string(what) + ": cannot bind a value of type " + describe_type(value) +
                  "; use null, a number, a bigint, a string, a boolean or a Uint8Array");
}

std::vector<Value> params_from_js(const val& params) {
  std::vector<Value> values;
  if (params.isUndefined() || params.isNull()) return values;
  const auto count = params["length"].as<unsigned>();
  values.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    values.push_back(from_js(params[i], "parameter " + std::to_string(i + 1)));
  }
  return values;
}

}  // namespace peewasm::wasm
