#pragma once
// Private: dates and times as text. A strptime subset, Python's str() of datetime, date and
// time, and epoch arithmetic on the proleptic Gregorian calendar.
//
// peewasm has no local time zone: every conversion to or from an epoch treats the wall-clock
// value as UTC (Peewee's TimestampField(utc=True)). Nothing here calls <ctime>.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peewasm::temporal {

// A naive datetime. Fields a format does not mention keep strptime's defaults (1900-01-01).
struct DateTime {
  int year = 1900;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int microsecond = 0;
};

// The first directive of `format` this parser does not know ('b' for "%b"), if any. Known:
// %Y %m %d %H %M %S %f and %%; every other character is a literal.
std::optional<char> unsupported_directive(std::string_view format);

// datetime.strptime(text, format): the whole text must match and the date must exist.
// Call unsupported_directive first; an unknown directive makes this return nothing.
std::optional<DateTime> parse(std::string_view text, std::string_view format);

// str() of a datetime, a date and a time: "2024-01-02 03:04:05[.678000]", "2024-01-02",
// "03:04:05[.678000]". Microseconds appear only when non-zero.
std::string format_date_time(const DateTime& value);
std::string format_date(const DateTime& value);
std::string format_time(const DateTime& value);

// Days from 1970-01-01 to a civil date, and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t year, int month, int day);
DateTime civil_from_days(std::int64_t days);

// Whole seconds since 1970-01-01 00:00:00 UTC; the microseconds are left to the caller.
std::int64_t to_epoch_seconds(const DateTime& value);
// The datetime `seconds` + `microseconds` after the epoch (microseconds in [0, 1e6)), or
// nothing outside Python's years 1 to 9999.
std::optional<DateTime> from_epoch(std::int64_t seconds, int microseconds);

}  // namespace peewasm::temporal
