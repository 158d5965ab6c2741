// Field::db_value and Field::python_value: Peewee's per-field conversions between the values
// an application holds and the values SQLite stores.
//
// Our application values stand in for Python objects: a datetime is the text str(datetime)
// prints, a Decimal is the text str(Decimal) prints, a UUID is its dashed text. Where Peewee
// lets a value through that the column cannot hold, we throw a DataError that names the field
// and the fix instead.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decimal_text.hpp"
#include "json_text.hpp"
#include "peewasm/errors.hpp"
#include "peewasm/schema/field.hpp"
#include "temporal.hpp"
#include "uuid_text.hpp"

namespace peewasm {
namespace {

// ---- messages -------------------------------------------------------------------------------

// repr() of a value: text is quoted as Python quotes a str.
std::string describe(const Value& value) {
  if (!value.is_text()) return value.to_string();
  const std::string& text = value.as_text();
  const char quote = text.find('\'') != std::string::npos && text.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, quote);
  for (const char c : text) {
    if (c == quote || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out + quote;
}

std::string field_label(const Field& field) {
  return std::string(field_class_name(field.type())) + " " + field.qualified_name();
}

// The field whose type and options drive a conversion, and the field messages name. They
// differ for a foreign key, which converts as the field it points at.
struct Target {
  const Field& field;
  const Field& named;

  FieldType type() const noexcept { return field.type(); }
  const FieldOptions& options() const noexcept { return field.options(); }
};

// "IntegerField Tweet.likes: cannot store 'abc' (text); pass an integer"
[[noreturn]] void cannot_store(const Target& target, const Value& value, std::string_view fix) {
  throw DataError(field_label(target.named) + ": cannot store " + describe(value) + " (" +
                  std::string(to_string(value.type())) + "); " + std::string(fix));
}

// "UUIDField Token.id: cannot read 'xyz' (text) as a UUID"
[[noreturn]] void cannot_read(const Target& target, const Value& value, std::string_view as_what) {
  throw DataError(field_label(target.named) + ": cannot read " + describe(value) + " (" +
                  std::string(to_string(value.type())) + ") as " + std::string(as_what));
}

// ---- numbers as text --------------------------------------------------------------------------

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// int(text): surrounding whitespace, an optional sign, decimal digits; within int64.
std::optional<std::int64_t> parse_integer(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// float(text): decimal and exponent forms, inf, infinity and nan, with surrounding whitespace.
// strtod alone would also take hexadecimal floats and "nan(...)", which Python refuses.
std::optional<double> parse_real(std::string_view text) {
  text = trim(text);
  std::string_view body = text;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) body.remove_prefix(1);
  std::string lowered;
  for (const char c : body) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool special = lowered == "inf" || lowered == "infinity" || lowered == "nan";
  if (!special) {
    std::size_t pos = 0, digits = 0;
    const auto digit = [&] { return pos < body.size() && body[pos] >= '0' && body[pos] <= '9'; };
    while (digit()) ++pos, ++digits;
    if (pos < body.size() && body[pos] == '.') {
      ++pos;
      while (digit()) ++pos, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (pos < body.size() && (body[pos] == 'e' || body[pos] == 'E')) {
      ++pos;
      if (pos < body.size() && (body[pos] == '+' || body[pos] == '-')) ++pos;
      if (!digit()) return std::nullopt;
      while (digit()) ++pos;
    }
    if (pos != body.size()) return std::nullopt;
  }
  const std::string copy(text);
  return std::strtod(copy.c_str(), nullptr);
}

// A real with no fractional part that fits an int64.
std::optional<std::int64_t> integral(double real) {
  if (!std::isfinite(real) || std::trunc(real) != real) return std::nullopt;
  if (real < -9223372036854775808.0 || real >= 9223372036854775808.0) return std::nullopt;
  return static_cast<std::int64_t>(real);
}

bool is_falsy(const Value& value) {
  switch (value.type()) {
    case ValueType::Integer:
    case ValueType::Boolean: return value.as_int() == 0;
    case ValueType::Real: return value.as_real() == 0.0;
    case ValueType::Text: return value.as_text().empty();
    default: return false;
  }
}

// ---- per-family conversions -------------------------------------------------------------------

Value integer_db_value(const Target& target, const Value& value) {
  switch (value.type()) {
    case ValueType::Integer: return value;
    case ValueType::Boolean: return Value(value.as_int());
    case ValueType::Real:
      if (auto number = integral(value.as_real())) return Value(*number);
      break;
    case ValueType::Text:
      if (auto number = parse_integer(value.as_text())) return Value(*number);
      break;
    default: break;
  }
  cannot_store(target, value, "pass an integer");
}

// Lenient: what is not an integer already is left as SQLite returned it.
Value integer_python_value(const Value& value) {
  switch (value.type()) {
    case ValueType::Boolean: return Value(value.as_int());
    case ValueType::Real:
      if (auto number = integral(value.as_real())) return Value(*number);
      return value;
    case ValueType::Text:
      if (auto number = parse_integer(value.as_text())) return Value(*number);
      return value;
    default: return value;
  }
}

Value float_db_value(const Target& target, const Value& value) {
  if (value.is_number()) return Value(value.as_real());
  if (value.is_text()) {
    if (auto number = parse_real(value.as_text())) return Value(*number);
  }
  cannot_store(target, value, "pass a number");
}

Value decimal_db_value(const Target& target, const Value& value) {
  // Peewee: `if not value: return Decimal(0)`.
  if (is_falsy(value)) return Value(0);
  if (value.is_blob()) cannot_store(target, value, "pass a number or decimal text such as '3.14'");

  std::optional<decimal_text::Decimal> number;
  if (value.is_text()) {
    number = decimal_text::parse(value.as_text());
    if (!number) cannot_store(target, value, "pass a number or decimal text such as '3.14'");
  }
  if (!target.options().auto_round) return value.is_bool() ? Value(value.as_int()) : value;

  // Decimal(str(value)).quantize(Decimal(10) ** -decimal_places), rounding half to even.
  if (!number) {
    number = decimal_text::parse(value.is_bool() ? std::to_string(value.as_int()) : value.to_string());
    if (!number) cannot_store(target, value, "pass a finite number");
  }
  const auto rounded = decimal_text::quantize(*number, target.options().decimal_places);
  if (!rounded) {
    cannot_store(target, value,
                 "pass a number with at most 28 digits at " +
                     std::to_string(target.options().decimal_places) + " decimal places");
  }
  return Value(decimal_text::to_string(*rounded));
}

// Decimal(str(value)), printed.
Value decimal_python_value(const Value& value) {
  switch (value.type()) {
    case ValueType::Integer:
    case ValueType::Boolean: return Value(std::to_string(value.as_int()));
    case ValueType::Real: {
      const double real = value.as_real();
      if (std::isnan(real)) return Value("NaN");
      if (std::isinf(real)) return Value(real < 0 ? "-Infinity" : "Infinity");
      return Value(decimal_text::to_string(*decimal_text::parse(value.to_string())));
    }
    default: return value;
  }
}

// Peewee's _StringField.adapt: str(value), bytes decoded.
Value string_db_value(const Target& target, const Value& value) {
  if (value.is_text()) return value;
  if (value.is_number()) return Value(value.to_string());
  cannot_store(target, value, "pass text");
}

Value string_python_value(const Target& target, Value value) {
  if (value.is_number()) value = Value(value.to_string());
  if (value.is_blob()) value = Value(std::string(value.as_blob().begin(), value.as_blob().end()));
  // FixedCharField: CHAR columns pad; Peewee strips the value (str.strip(), both ends).
  if (target.type() == FieldType::FixedChar && value.is_text()) return Value(trim(value.as_text()));
  return value;
}

Value text_to_blob(const Value& value) {
  const std::string& text = value.as_text();
  return Value(Blob(text.begin(), text.end()));
}

Value blob_db_value(const Target& target, const Value& value) {
  if (value.is_text()) return text_to_blob(value);
  if (value.is_blob() || target.type() == FieldType::Blob) return value;
  cannot_store(target, value, "pass bytes or text");
}

Value blob_python_value(const Value& value) { return value.is_text() ? text_to_blob(value) : value; }

std::optional<uuid_text::Bytes> uuid_from_blob(const Value& value) {
  const Blob& blob = value.as_blob();
  if (blob.size() != 16) return std::nullopt;
  uuid_text::Bytes bytes;
  std::copy(blob.begin(), blob.end(), bytes.begin());
  return bytes;
}

constexpr std::string_view kUuidFix = "pass a UUID such as '00000000-0000-4000-8000-000000000001' or its 32 hex digits";

Value uuid_db_value(const Target& target, const Value& value) {
  std::optional<uuid_text::Bytes> bytes;
  if (value.is_text()) {
    // Peewee passes 32 hex digits through as they are.
    bytes = uuid_text::parse(value.as_text());
    if (bytes && value.as_text().size() == 32) return value;
  } else if (value.is_blob()) {
    bytes = uuid_from_blob(value);
  }
  if (!bytes) cannot_store(target, value, kUuidFix);
  return Value(uuid_text::hex(*bytes));
}

Value uuid_python_value(const Target& target, const Value& value) {
  std::optional<uuid_text::Bytes> bytes;
  if (value.is_text()) {
    bytes = uuid_text::parse(value.as_text());
  } else if (value.is_blob()) {
    bytes = uuid_from_blob(value);
  } else {
    return value;
  }
  if (!bytes) cannot_read(target, value, "a UUID");
  return Value(uuid_text::dashed(*bytes));
}

Value binary_uuid_db_value(const Target& target, const Value& value) {
  std::optional<uuid_text::Bytes> bytes;
  if (value.is_blob()) bytes = uuid_from_blob(value);
  if (value.is_text()) bytes = uuid_text::parse(value.as_text());
  if (!bytes) cannot_store(target, value, std::string(kUuidFix) + ", or 16 bytes");
  return Value(Blob(bytes->begin(), bytes->end()));
}

// ---- dates and times ------------------------------------------------------------------------

const std::vector<std::string>& default_formats(FieldType type) {
  static const std::vector<std::string> date_time = {"%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"};
  static const std::vector<std::string> date = {"%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f"};
  static const std::vector<std::string> time = {"%H:%M:%S.%f", "%H:%M:%S", "%H:%M", "%Y-%m-%d %H:%M:%S.%f",
                                                "%Y-%m-%d %H:%M:%S"};
  switch (type) {
    case FieldType::Date: return date;
    case FieldType::Time: return time;
    default: return date_time;
  }
}

// Peewee's format_date_time: the first of the field's formats that parses the text.
std::optional<temporal::DateTime> parse_date_time(const Target& target, std::string_view text) {
  const auto& formats = target.options().formats.empty() ? default_formats(target.type()) : target.options().formats;
  for (const std::string& format : formats) {
    if (const auto directive = temporal::unsupported_directive(format)) {
      throw ImproperlyConfigured(field_label(target.field) + ": format '" + format + "' uses %" +
                                 std::string(1, *directive) +
                                 ", which peewasm does not support; use %Y %m %d %H %M %S %f and %%");
    }
    if (auto parsed = temporal::parse(text, format)) return parsed;
  }
  return std::nullopt;
}

std::string_view example_of(FieldType type) {
  switch (type) {
    case FieldType::Date: return "'2024-01-02'";
    case FieldType::Time: return "'03:04:05'";
    default: return "'2024-01-02 03:04:05'";
  }
}

// Peewee hands strings to the driver as they are; only Python's date objects get formatted,
// and our dates are already text.
Value temporal_db_value(const Target& target, const Value& value) {
  if (value.is_text()) return value;
  cannot_store(target, value, "pass text such as " + std::string(example_of(target.type())));
}

// Text already in the shape str() gives ('2024-01-02 03:04:05', '2024-01-02', '03:04:05')
// comes back unchanged from parsing with the default formats and formatting again, whether it
// parses (same digits) or not (left alone): skip both. This is every row the ORM wrote.
bool in_canonical_shape(FieldType type, std::string_view text) {
  std::string_view shape;
  switch (type) {
    case FieldType::Date: shape = "0000-00-00"; break;
    case FieldType::Time: shape = "00:00:00"; break;
    default: shape = "0000-00-00 00:00:00";
  }
  if (text.size() != shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (shape[i] == '0' ? !digit : text[i] != shape[i]) return false;
  }
  return true;
}

// Text that parses becomes str() of a datetime, date or time; anything else is left alone.
Value temporal_python_value(const Target& target, Value value) {
  if (!value.is_text()) return value;
  if (target.options().formats.empty() && in_canonical_shape(target.type(), value.as_text())) return value;
  const auto parsed = parse_date_time(target, value.as_text());
  if (!parsed) return value;
  switch (target.type()) {
    case FieldType::Date: return Value(temporal::format_date(*parsed));
    case FieldType::Time: return Value(temporal::format_time(*parsed));
    default: return Value(temporal::format_date_time(*parsed));
  }
}

// TimestampField(resolution=...): 0 means 1, 2 to 6 mean 10**n, else a power of ten to 10**6.
std::int64_t timestamp_resolution(const Target& target) {
  const long long resolution = target.options().resolution;
  if (resolution == 0) return 1;
  std::int64_t power = 1;
  for (int exponent = 0; exponent <= 6; ++exponent, power *= 10) {
    if (resolution == power || (exponent >= 2 && resolution == exponent)) return power;
  }
  throw ImproperlyConfigured(field_label(target.field) + ": resolution " + std::to_string(resolution) +
                             " is not one of 1, 10, 100, 1000, 10000, 100000, 1000000");
}

constexpr std::string_view kTimestampFix = "pass a datetime such as '2024-01-02 03:04:05' or seconds since the epoch";

// Seconds (or a datetime, read as UTC: peewasm has no local time zone, so it always behaves as
// Peewee's utc=True) -> ticks of the field's resolution.
Value timestamp_db_value(const Target& target, const Value& value) {
  const std::int64_t resolution = timestamp_resolution(target);
  switch (value.type()) {
    case ValueType::Integer: {
      std::int64_t ticks = 0;
      if (__builtin_mul_overflow(value.as_int(), resolution, &ticks)) break;
      return Value(ticks);
    }
    case ValueType::Real: {
      // int(round(value * resolution)): Python rounds half to even, as nearbyint does.
      if (auto ticks = integral(std::nearbyint(value.as_real() * static_cast<double>(resolution)))) {
        return Value(*ticks);
      }
      break;
    }
    case ValueType::Text: {
      const auto parsed = parse_date_time(target, value.as_text());
      if (!parsed) break;
      const std::int64_t seconds = temporal::to_epoch_seconds(*parsed);
      // Resolution 1 drops the microseconds, as Peewee does.
      if (resolution == 1) return Value(seconds);
      const std::int64_t scaled = parsed->microsecond * resolution;  // < 10^12
      std::int64_t ticks = scaled / 1000000;
      const std::int64_t remainder = scaled % 1000000;
      if (remainder > 500000 || (remainder == 500000 && ticks % 2 == 1)) ++ticks;
      return Value(seconds * resolution + ticks);
    }
    default: break;
  }
  cannot_store(target, value, kTimestampFix);
}

// Ticks -> str() of the UTC datetime.
Value timestamp_python_value(const Target& target, const Value& value) {
  const std::int64_t resolution = timestamp_resolution(target);
  const std::int64_t micros_per_tick = 1000000 / resolution;
  std::int64_t seconds = 0;
  std::int64_t microseconds = 0;
  if (value.is_integer()) {
    // divmod(value, resolution): floor division, so negative ticks count back from the epoch.
    const std::int64_t ticks = value.as_int();
    seconds = ticks / resolution;
    std::int64_t rest = ticks % resolution;
    if (rest < 0) {
      rest += resolution;
      --seconds;
    }
    microseconds = rest * micros_per_tick;
  } else if (value.is_real()) {
    const double real = value.as_real();
    if (!std::isfinite(real) || std::abs(real) > 1e17) cannot_read(target, value, "a timestamp");
    const double whole = std::floor(real / static_cast<double>(resolution));
    seconds = static_cast<std::int64_t>(whole);
    const double rest = real - whole * static_cast<double>(resolution);
    // Peewee truncates ticks to microseconds; fromtimestamp(float) rounds half to even.
    microseconds = resolution > 1 ? static_cast<std::int64_t>(rest * static_cast<double>(micros_per_tick))
                                  : static_cast<std::int64_t>(std::nearbyint(rest * 1e6));
    if (microseconds >= 1000000) {
      microseconds -= 1000000;
      ++seconds;
    }
  } else {
    return value;
  }
  const auto moment = temporal::from_epoch(seconds, static_cast<int>(microseconds));
  if (!moment) cannot_read(target, value, "a datetime between the years 1 and 9999");
  return Value(temporal::format_date_time(*moment));
}

// ---- IP addresses and booleans ----------------------------------------------------------------

// socket.inet_aton for the dotted-quad form, in network order: "192.168.0.1" -> 3232235521.
std::optional<std::int64_t> parse_ipv4(std::string_view text) {
  std::int64_t address = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (text.empty() || text.front() != '.') return std::nullopt;
      text.remove_prefix(1);
    }
    std::size_t length = 0;
    while (length < text.size() && length < 4 && text[length] >= '0' && text[length] <= '9') ++length;
    // No leading zeros: inet_aton would read "010" as octal 8.
    if (length == 0 || length > 3 || (length > 1 && text.front() == '0')) return std::nullopt;
    int octet = 0;
    std::from_chars(text.data(), text.data() + length, octet);
    if (octet > 255) return std::nullopt;
    address = address << 8 | octet;
    text.remove_prefix(length);
  }
  if (!text.empty()) return std::nullopt;
  return address;
}

constexpr std::int64_t kIpv4Limit = std::int64_t{1} << 32;

Value ip_db_value(const Target& target, const Value& value) {
  if (value.is_text()) {
    if (auto address = parse_ipv4(value.as_text())) return Value(*address);
  } else if (value.is_integer() && value.as_int() >= 0 && value.as_int() < kIpv4Limit) {
    return value;  // already the stored form
  }
  cannot_store(target, value, "pass a dotted IPv4 address such as '192.168.0.1'");
}

// socket.inet_ntoa
Value ip_python_value(const Target& target, const Value& value) {
  if (!value.is_integer()) return value;
  const std::int64_t address = value.as_int();
  if (address < 0 || address >= kIpv4Limit) cannot_read(target, value, "an IPv4 address");
  return Value(std::to_string(address >> 24 & 0xff) + "." + std::to_string(address >> 16 & 0xff) + "." +
               std::to_string(address >> 8 & 0xff) + "." + std::to_string(address & 0xff));
}

Value boolean_db_value(const Target& target, const Value& value) {
  if (value.is_bool()) return value;
  if (value.is_integer()) return Value(value.as_int() != 0);
  cannot_store(target, value, "pass true or false");
}

Value boolean_python_value(const Value& value) {
  if (value.is_integer()) return Value(value.as_int() != 0);
  if (value.is_real()) return Value(value.as_real() != 0.0);
  return value;
}

// Peewee's json.dumps(value): documents keep their content and get Python's spacing.
Value json_db_value(const Target& target, const Value& value) {
  switch (value.type()) {
    case ValueType::Text: return Value(json_text::python_dumps_spacing(value.as_text()));
    case ValueType::Boolean: return Value(value.as_bool() ? "true" : "false");
    case ValueType::Integer:
    case ValueType::Real: return Value(value.to_string());
    default: cannot_store(target, value, "pass JSON text such as '{\"key\": 1}', a number or a boolean");
  }
}

Value to_db(const Target& target, const Value& value) {
  switch (target.type()) {
    case FieldType::Auto:
    case FieldType::BigAuto:
    case FieldType::Identity:
    case FieldType::Integer:
    case FieldType::BigInteger:
    case FieldType::SmallInteger:
    case FieldType::Bit: return integer_db_value(target, value);
    case FieldType::Float:
    case FieldType::Double: return float_db_value(target, value);
    case FieldType::Decimal: return decimal_db_value(target, value);
    case FieldType::Char:
    case FieldType::FixedChar:
    case FieldType::Text: return string_db_value(target, value);
    case FieldType::Blob:
    case FieldType::BigBit: return blob_db_value(target, value);
    case FieldType::UUID: return uuid_db_value(target, value);
    case FieldType::BinaryUUID: return binary_uuid_db_value(target, value);
    case FieldType::DateTime:
    case FieldType::Date:
    case FieldType::Time: return temporal_db_value(target, value);
    case FieldType::Timestamp: return timestamp_db_value(target, value);
    case FieldType::IP: return ip_db_value(target, value);
    case FieldType::Boolean: return boolean_db_value(target, value);
    case FieldType::JSON: return json_db_value(target, value);
    case FieldType::Custom: {
      const auto& convert = target.options().adapter.db_value;
      return convert ? convert(value) : value;
    }
    case FieldType::Bare:
    case FieldType::ForeignKey:
    case FieldType::ManyToMany: return value;
  }
  return value;
}

Value to_python(const Target& target, Value value) {
  switch (target.type()) {
    case FieldType::Auto:
    case FieldType::BigAuto:
    case FieldType::Identity:
    case FieldType::Integer:
    case FieldType::BigInteger:
    case FieldType::SmallInteger:
    case FieldType::Bit: return integer_python_value(value);
    case FieldType::Decimal: return decimal_python_value(value);
    case FieldType::Char:
    case FieldType::FixedChar:
    case FieldType::Text: return string_python_value(target, std::move(value));
    case FieldType::Blob:
    case FieldType::BigBit: return blob_python_value(value);
    case FieldType::UUID:
    case FieldType::BinaryUUID: return uuid_python_value(target, value);
    case FieldType::DateTime:
    case FieldType::Date:
    case FieldType::Time: return temporal_python_value(target, std::move(value));
    case FieldType::Timestamp: return timestamp_python_value(target, value);
    case FieldType::IP: return ip_python_value(target, value);
    case FieldType::Boolean: return boolean_python_value(value);
    case FieldType::Custom: {
      const auto& convert = target.options().adapter.python_value;
      return convert ? convert(value) : value;
    }
    // A REAL column already returns reals; Peewee's float() would change nothing else we store.
    case FieldType::Float:
    case FieldType::Double:
    case FieldType::JSON:
    case FieldType::Bare:
    case FieldType::ForeignKey:
    case FieldType::ManyToMany: return value;
  }
  return value;
}

// Where to_python returns the value as it is, for the storage classes SQLite returns; false
// wherever it might convert (a caller then runs it).
bool keeps(const Target& target, ValueType type, std::string_view bytes) {
  switch (target.type()) {
    case FieldType::Auto:
    case FieldType::BigAuto:
    case FieldType::Identity:
    case FieldType::Integer:
    case FieldType::BigInteger:
    case FieldType::SmallInteger:
    case FieldType::Bit: return type == ValueType::Integer;
    case FieldType::Char:
    case FieldType::Text: return type == ValueType::Text;
    case FieldType::Blob:
    case FieldType::BigBit: return type == ValueType::Blob;
    case FieldType::DateTime:
    case FieldType::Date:
    case FieldType::Time:
      return type != ValueType::Text || (target.options().formats.empty() && in_canonical_shape(target.type(), bytes));
    case FieldType::Float:
    case FieldType::Double:
    case FieldType::JSON:
    case FieldType::Bare:
    case FieldType::ForeignKey:
    case FieldType::ManyToMany: return true;
    default: return false;
  }
}

// A foreign key converts as the field it points at, through chains of keys (a one-to-one key
// that is itself a primary key); messages still name the foreign key the caller used.
Target target_of(const Field& field) {
  const Field* storage = &field;
  while (storage->is_foreign_key()) storage = &storage->rel_field();
  return {*storage, field};
}

}  // namespace

Value Field::db_value(const Value& value) const {
  if (value.is_null()) return value;
  return to_db(target_of(*this), value);
}

Value Field::python_value(Value value) const {
  if (value.is_null()) return value;
  return to_python(target_of(*this), std::move(value));
}

bool Field::python_value_keeps(ValueType type, std::string_view bytes) const {
  return type == ValueType::Null || keeps(target_of(*this), type, bytes);
}

}  // namespace peewasm
