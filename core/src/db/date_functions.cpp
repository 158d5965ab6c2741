#include "date_functions.hpp"

#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "../schema/temporal.hpp"
#include "sqlite_error.hpp"

namespace peewasm {
namespace {

// The formats Peewee's date functions try, in order (__sqlite_datetime_formats__).
constexpr std::array<std::string_view, 6> kFormats = {
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d", "%H:%M:%S", "%H:%M:%S.%f", "%H:%M"};

constexpr std::array<std::string_view, 6> kParts = {"year", "month", "day", "hour", "minute", "second"};

std::optional<int> part_index(std::string_view part) {
  for (std::size_t i = 0; i < kParts.size(); ++i) {
    if (kParts[i] == part) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::string_view text_arg(sqlite3_value* value) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
  return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(value))) : std::string_view();
}

// Python's "if not datetime_string: return": NULL, '' and 0 give NULL.
bool is_empty(sqlite3_value* value) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL: return true;
    case SQLITE_TEXT:
    case SQLITE_BLOB: return sqlite3_value_bytes(value) == 0;
    default: return sqlite3_value_double(value) == 0.0;
  }
}

// The part and the parsed date of a call, or an error reported to SQLite (nothing returned).
std::optional<std::pair<int, temporal::DateTime>> read_arguments(sqlite3_context* ctx, const char* function,
                                                                 sqlite3_value** argv) {
  const std::string_view part = text_arg(argv[0]);
  const auto index = part_index(part);
  if (!index) {
    const std::string message = std::string(function) + "(): unknown part '" + std::string(part) +
                                "'; use year, month, day, hour, minute or second";
    sqlite3_result_error(ctx, message.c_str(), -1);
    return std::nullopt;
  }
  if (is_empty(argv[1])) {
    sqlite3_result_null(ctx);
    return std::nullopt;
  }
  const std::string_view text = sqlite3_value_type(argv[1]) == SQLITE_TEXT ? text_arg(argv[1]) : std::string_view();
  for (std::string_view format : kFormats) {
    if (auto parsed = temporal::parse(text, format)) return std::make_pair(*index, *parsed);
  }
  const std::string message = std::string(function) + "('" + std::string(part) + "', ...): '" +
                              reinterpret_cast<const char*>(sqlite3_value_text(argv[1])) +
                              "' is not a date or time as SQLite stores them (YYYY-MM-DD HH:MM:SS)";
  sqlite3_result_error(ctx, message.c_str(), -1);
  return std::nullopt;
}

void date_part(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto arguments = read_arguments(ctx, "date_part", argv);
  if (!arguments) return;
  const auto& [index, dt] = *arguments;
  const int parts[] = {dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second};
  sqlite3_result_int(ctx, parts[index]);
}

// strftime of Peewee's __sqlite_date_trunc__: everything below the part is zeroed.
void date_trunc(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto arguments = read_arguments(ctx, "date_trunc", argv);
  if (!arguments) return;
  auto [index, dt] = *arguments;
  int* fields[] = {&dt.month, &dt.day, &dt.hour, &dt.minute, &dt.second};
  for (int i = index; i < 5; ++i) *fields[i] = i < 2 ? 1 : 0;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", dt.year, dt.month, dt.day, dt.hour, dt.minute,
                dt.second);
  sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
}

}  // namespace

void register_date_functions(sqlite3* db) {
  constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  for (auto [name, function] : {std::pair{"date_part", &date_part}, std::pair{"date_trunc", &date_trunc}}) {
    const int rc = sqlite3_create_function_v2(db, name, 2, flags, nullptr, function, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_sqlite_error(db, rc);
  }
}

}  // namespace peewasm
