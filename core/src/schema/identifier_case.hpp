#pragma once
// Private: the identifier rewrites Peewee does with regular expressions, written out by hand
// because std::regex (and the locale machinery it drags in) was the largest part of the core
// in the WebAssembly module. Bytes past ASCII count as word characters, as the letters they
// encode do for Python's \w.

#include <string>
#include <string_view>

namespace peewasm::identifier_case {

// re.sub(r'[^\w]+', replacement, text).
std::string replace_non_word_runs(std::string_view text, std::string_view replacement);

// Peewee's make_snake_case: '(.)_*([A-Z][a-z]+)' -> r'\1_\2', then '([a-z0-9])_*([A-Z])' ->
// r'\1_\2', then lower(): "UserProfile" -> "user_profile", "APIKey" -> "api_key".
std::string snake_case(std::string_view name);

}  // namespace peewasm::identifier_case
