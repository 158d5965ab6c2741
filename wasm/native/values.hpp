#pragma once
// Value conversion between JS and the core, in bulk: one call converts a whole parameter
// list or a whole result.
//
// JS -> Value (parameters):
//   null, undefined      -> Null
//   boolean              -> Boolean (SQLite stores 0/1)
//   number               -> Integer when integral and within +-(2^53 - 1), else Real
//   bigint               -> Integer (DataError outside the int64 range)
//   string               -> Text
//   Uint8Array           -> Blob (the JS layer turns other ArrayBuffer views into one)
// Value -> JS (results):
//   Null -> null, Real -> number, Text -> string, Blob -> a fresh Uint8Array (a copy, never
//   a view on the wasm heap), Boolean -> boolean, Integer -> number when within
//   +-(2^53 - 1), else BigInt: lossless, and the type tells the caller precision mattered.

#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "peewasm/value.hpp"

namespace peewasm::wasm {

// An int64 as a JS number, or as a BigInt beyond Number.MAX_SAFE_INTEGER.
emscripten::val int_to_js(std::int64_t value);
emscripten::val text_to_js(const std::string& text);
emscripten::val to_js(const Value& value);

// A JS number as from_js() reads it (for entries that take a number, not a val).
Value number_value(double number);
// `what` names the argument in error messages ("parameter 2", "pragma foreign_keys").
Value from_js(const emscripten::val& value, std::string_view what);
// A JS array of values (undefined counts as empty).
std::vector<Value> params_from_js(const emscripten::val& params);

}  // namespace peewasm::wasm
