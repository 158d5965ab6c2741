#pragma once
// The one place where C++ exceptions stop. Every binding entry runs its work inside
// run_guarded(), which turns the outcome into plain data for JS:
//   success: {ok: true, value}
//   failure: {ok: false, kind, message, sqliteCode}
// JS (wasm/js/errors.ts) maps `kind` to an Error subclass and throws it there, so no JS
// exception ever unwinds through C++ frames (their destructors would not run) and no
// C++ exception reaches JS.
//
// The work must not call user JS code that can throw (JS exceptions are not C++
// exceptions and would pass straight through); the JS layer hands the bindings plain
// arrays and primitives only.

#include <emscripten/val.h>

#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "peewasm/errors.hpp"

namespace peewasm::wasm {

inline emscripten::val error_result(std::string_view kind, const char* message,
                                    int sqlite_code) {
  auto result = emscripten::val::object();
  result.set("ok", false);
  result.set("kind", emscripten::val(std::string(kind)));
  result.set("message", emscripten::val(std::string(message)));
  result.set("sqliteCode", sqlite_code);
  return result;
}

// Runs fn() (which returns nothing); a failure comes back as the failure object, success as
// nullopt. For entries that answer with a plain number instead of a result object.
template <class Fn>
std::optional<emscripten::val> failure_of(Fn&& fn) {
  try {
    fn();
    return std::nullopt;
  } catch (const peewasm::Error& error) {
    return error_result(to_string(error.kind()), error.what(), error.sqlite_code());
  } catch (const std::exception& error) {
    // Anything else the core or the standard library throws (bad_alloc, out_of_range...)
    // is a failure of the interface, not of the query.
    return error_result("InterfaceError", error.what(), 0);
  } catch (...) {
    return error_result("InterfaceError", "unknown C++ exception", 0);
  }
}

inline emscripten::val ok_result(emscripten::val value) {
  auto result = emscripten::val::object();
  result.set("ok", true);
  result.set("value", std::move(value));
  return result;
}

// fn() returns the emscripten::val to hand back as `value`.
template <class Fn>
emscripten::val run_guarded(Fn&& fn) {
  auto value = emscripten::val::undefined();
  auto failure = failure_of([&] { value = fn(); });
  return failure ? std::move(*failure) : ok_result(std::move(value));
}

}  // namespace peewasm::wasm
