#include "temporal.hpp"

#include <cctype>
#include <cstdio>

namespace peewasm::temporal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// One way a directive can match at a position: how many characters, and the number read.
struct Candidate {
  std::size_t length;
  int value;
};

// The alternatives of CPython's _strptime regex for a directive, in the regex's order:
//   %m 1[0-2]|0[1-9]|[1-9]        %d 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
//   %H 2[0-3]|[0-1]\d|\d          %M [0-5]\d|\d          %S 6[0-1]|[0-5]\d|\d
//   %Y \d\d\d\d                   %f [0-9]{1,6}
// Writes up to 7 candidates and returns how many.
int candidates(char directive, std::string_view text, std::size_t pos, Candidate* out) {
  const auto digit = [&](std::size_t i) { return pos + i < text.size() && is_digit(text[pos + i]); };
  const auto at = [&](std::size_t i) { return text[pos + i] - '0'; };
  int count = 0;
  if (directive == 'Y') {
    if (digit(0) && digit(1) && digit(2) && digit(3)) {
      out[count++] = {4, at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3)};
    }
    return count;
  }
  if (directive == 'f') {
    int value = 0;
    std::size_t length = 0;
    while (length < 6 && digit(length)) value = value * 10 + at(length++);
    // Greedy first; "5" means 500000 microseconds, as in strptime.
    for (; length > 0; --length) {
      int scaled = value;
      for (std::size_t i = length; i < 6; ++i) scaled *= 10;
      out[count++] = {length, scaled};
      value /= 10;
    }
    return count;
  }
  // Two-digit forms accept [low2, high]; the one-digit form accepts [low1, 9].
  int low2 = 0, high = 0, low1 = 0;
  switch (directive) {
    case 'm': low2 = 1, high = 12, low1 = 1; break;
    case 'd': low2 = 1, high = 31, low1 = 1; break;
    case 'H': low2 = 0, high = 23, low1 = 0; break;
    case 'M': low2 = 0, high = 59, low1 = 0; break;
    case 'S': low2 = 0, high = 61, low1 = 0; break;
    default: return 0;
  }
  if (digit(0) && digit(1)) {
    const int value = at(0) * 10 + at(1);
    if (value >= low2 && value <= high) out[count++] = {2, value};
  }
  if (digit(0) && at(0) >= low1) out[count++] = {1, at(0)};
  if (directive == 'd' && pos < text.size() && text[pos] == ' ' && digit(1) && at(1) >= 1) {
    out[count++] = {2, at(1)};
  }
  return count;
}

void assign(DateTime& value, char directive, int number) {
  switch (directive) {
    case 'Y': value.year = number; break;
    case 'm': value.month = number; break;
    case 'd': value.day = number; break;
    case 'H': value.hour = number; break;
    case 'M': value.minute = number; break;
    case 'S': value.second = number; break;
    case 'f': value.microsecond = number; break;
    default: break;
  }
}

// Matches the format from `fpos` against the text from `pos` with backtracking, like the
// regex strptime compiles. Returns where the text match ended, as re.match does; the caller
// rejects leftovers ("unconverted data remains").
std::optional<std::size_t> match(std::string_view text, std::size_t pos, std::string_view format,
                                 std::size_t fpos, DateTime& value) {
  if (fpos == format.size()) return pos;
  const char f = format[fpos];
  if (f == '%' && fpos + 1 < format.size() && format[fpos + 1] != '%') {
    const char directive = format[fpos + 1];
    Candidate options[7];
    const int count = candidates(directive, text, pos, options);
    for (int i = 0; i < count; ++i) {
      DateTime attempt = value;
      assign(attempt, directive, options[i].value);
      if (auto end = match(text, pos + options[i].length, format, fpos + 2, attempt)) {
        value = attempt;
        return end;
      }
    }
    return std::nullopt;
  }
  if (is_space(f)) {
    // A run of whitespace in the format is \s+ in the text.
    std::size_t next = fpos;
    while (next < format.size() && is_space(format[next])) ++next;
    std::size_t end = pos;
    while (end < text.size() && is_space(text[end])) ++end;
    for (; end > pos; --end) {
      if (auto found = match(text, end, format, next, value)) return found;
    }
    return std::nullopt;
  }
  // A literal ("%%" is a literal percent sign), compared case-insensitively as strptime does.
  const std::size_t width = f == '%' ? 2 : 1;
  if (pos >= text.size()) return std::nullopt;
  if (std::tolower(static_cast<unsigned char>(text[pos])) != std::tolower(static_cast<unsigned char>(f))) {
    return std::nullopt;
  }
  return match(text, pos + 1, format, fpos + width, value);
}

std::string format_numbers(const char* pattern, int a, int b, int c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, pattern, a, b, c);
  return buffer;
}

}  // namespace

std::optional<char> unsupported_directive(std::string_view format) {
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size()) return '%';
    const char directive = format[++i];
    switch (directive) {
      case 'Y': case 'm': case 'd': case 'H': case 'M': case 'S': case 'f': case '%': break;
      default: return directive;
    }
  }
  return std::nullopt;
}

std::optional<DateTime> parse(std::string_view text, std::string_view format) {
  DateTime value;
  const auto end = match(text, 0, format, 0, value);
  if (!end || *end != text.size()) return std::nullopt;
  // datetime() rejects what the regex lets through: 31 February, second 60 or 61, year 0.
  if (value.year < 1 || value.day > days_in_month(value.year, value.month) || value.second > 59) {
    return std::nullopt;
  }
  return value;
}

std::string format_date(const DateTime& value) {
  return format_numbers("%04d-%02d-%02d", value.year, value.month, value.day);
}

std::string format_time(const DateTime& value) {
  std::string out = format_numbers("%02d:%02d:%02d", value.hour, value.minute, value.second);
  if (value.microsecond != 0) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, ".%06d", value.microsecond);
    out += buffer;
  }
  return out;
}

std::string format_date_time(const DateTime& value) { return format_date(value) + " " + format_time(value); }

std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;                                   // [0, 399]
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

DateTime civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;  // March is 0
  DateTime value;
  value.day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  value.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  value.year = static_cast<int>(year_of_era + era * 400 + (value.month <= 2));
  return value;
}

std::int64_t to_epoch_seconds(const DateTime& value) {
  return days_from_civil(value.year, value.month, value.day) * 86400 + value.hour * 3600 +
         value.minute * 60 + value.second;
}

std::optional<DateTime> from_epoch(std::int64_t seconds, int microseconds) {
  // Python's datetime covers 0001-01-01 to 9999-12-31.
  constexpr std::int64_t first = -62135596800;  // 0001-01-01 00:00:00
  constexpr std::int64_t last = 253402300799;   // 9999-12-31 23:59:59
  if (seconds < first || seconds > last) return std::nullopt;
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  DateTime value = civil_from_days(days);
  value.hour = static_cast<int>(rest / 3600);
  value.minute = static_cast<int>(rest / 60 % 60);
  value.second = static_cast<int>(rest % 60);
  value.microsecond = microseconds;
  return value;
}

}  // namespace peewasm::temporal
