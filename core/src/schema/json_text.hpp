#pragma once
// Private: JSON documents as Python's json.dumps writes them, so a JSONField sends the bytes
// Peewee sends whatever spacing the application used: '{"beds":3}' -> '{"beds": 3}'.

#include <string>
#include <string_view>

namespace peewasm::json_text {

// The document re-spaced with json.dumps' separators (", " and ": ") and ensure_ascii
// (characters past ASCII inside strings become \uXXXX). It does not validate: SQLite's json()
// rejects a malformed document when the statement runs.
std::string python_dumps_spacing(std::string_view document);

}  // namespace peewasm::json_text
