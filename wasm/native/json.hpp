#pragma once
// Json: the JSON documents the JS layer and the bindings exchange (query requests, model
// specs, model descriptions), read and written without a JSON library. It offers only what
// the bindings use, with the names they use (at, find, contains, value, get, dump...): a
// template-heavy general library was a quarter of the module's code.
//
// Objects keep their keys in document order and look them up by a linear scan: requests
// have a handful of keys per object. Any misuse (a missing key, a wrong type, an index past
// the end, malformed text) throws JsonError, an InterfaceError naming the problem.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "peewasm/errors.hpp"

namespace peewasm::wasm {

// The request, not the query, is wrong: a bug of the JS layer (or a caller of the internals).
class JsonError : public InterfaceError {
 public:
  explicit JsonError(const std::string& problem) : InterfaceError("malformed request from the JS layer: " + problem) {}
};

class Json {
 public:
  enum class Type { Null, Boolean, Number, String, Array, Object };

  Json() = default;
  Json(std::nullptr_t) {}
  Json(bool value) : type_(Type::Boolean), boolean_(value) {}
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Json(T value) : type_(Type::Number), number_(static_cast<double>(value)), integer_(static_cast<std::int64_t>(value)),
                  integral_(true) {}
  Json(double value) : type_(Type::Number), number_(value) {}
  Json(std::string value) : type_(Type::String), text_(std::move(value)) {}
  Json(const char* value) : Json(std::string(value)) {}
  // An object: Json{{"name", "huey"}, {"id", 1}}.
  Json(std::initializer_list<std::pair<std::string, Json>> members);

  static Json array() { Json out; out.type_ = Type::Array; return out; }
  static Json object() { Json out; out.type_ = Type::Object; return out; }
  // The document in `text`; JsonError (with the byte offset) for anything but one JSON value.
  static Json parse(std::string_view text);

  Type type() const noexcept { return type_; }
  bool is_null() const noexcept { return type_ == Type::Null; }
  bool is_boolean() const noexcept { return type_ == Type::Boolean; }
  bool is_number() const noexcept { return type_ == Type::Number; }
  bool is_string() const noexcept { return type_ == Type::String; }
  bool is_array() const noexcept { return type_ == Type::Array; }
  bool is_object() const noexcept { return type_ == Type::Object; }

  // Elements of an array, members of an object; 0 for null, 1 for any other value.
  std::size_t size() const noexcept;

  // Array elements (an object iterates over its values; other values over nothing).
  const Json* begin() const noexcept { return items_.data(); }
  const Json* end() const noexcept { return items_.data() + items_.size(); }

  const Json& at(std::size_t index) const;
  const Json& at(std::string_view key) const;
  const Json& operator[](std::size_t index) const { return at(index); }
  const Json& operator[](std::string_view key) const { return at(key); }
  // The member `key` of an object, added as null when missing (null becomes an object).
  Json& operator[](std::string_view key);
  // The member `key`, or end() when this is not an object or has no such member.
  const Json* find(std::string_view key) const noexcept;
  bool contains(std::string_view key) const noexcept { return find(key) != end(); }

  // get<T>() of the member `key`, or `fallback` when the object has no such member.
  template <class T>
  T value(std::string_view key, const T& fallback) const {
    const Json* found = find(key);
    return found == end() ? fallback : found->get<T>();
  }

  // The value as bool, a number type, std::string, std::vector<std::string> or Json.
  template <class T>
  T get() const {
    if constexpr (std::same_as<T, Json>) {
      return *this;
    } else if constexpr (std::same_as<T, bool>) {
      expect(Type::Boolean);
      return boolean_;
    } else if constexpr (std::integral<T>) {
      expect(Type::Number);
      return static_cast<T>(integral_ ? integer_ : static_cast<std::int64_t>(number_));
    } else if constexpr (std::floating_point<T>) {
      expect(Type::Number);
      return static_cast<T>(number_);
    } else if constexpr (std::same_as<T, std::string>) {
      return get_ref<const std::string&>();
    } else {
      static_assert(std::same_as<T, std::vector<std::string>>, "Json::get: unsupported type");
      expect(Type::Array);
      std::vector<std::string> out;
      out.reserve(items_.size());
      for (const Json& item : items_) out.push_back(item.get<std::string>());
      return out;
    }
  }

  // The text of a string, without a copy.
  template <class T>
    requires std::same_as<T, const std::string&>
  T get_ref() const {
    expect(Type::String);
    return text_;
  }

  // True for a string equal to `text` (the request kinds and modes).
  bool operator==(std::string_view text) const noexcept { return type_ == Type::String && text_ == text; }

  void push_back(Json item);

  // Compact JSON text, as JSON.parse reads it.
  std::string dump() const;

 private:
  friend class JsonParser;
  void expect(Type type) const;
  void dump_to(std::string& out) const;

  Type type_ = Type::Null;
  bool boolean_ = false;
  double number_ = 0;
  std::int64_t integer_ = 0;
  bool integral_ = false;  // integer_ holds the number exactly
  std::string text_;
  std::vector<Json> items_;       // array elements, or object values
  std::vector<std::string> keys_;  // object keys, parallel to items_
};

}  // namespace peewasm::wasm
