// Expr::year() ... Expr::truncate(): Peewee's date-part properties of date and time fields.
// They live with the schema because only a field knows whether it holds a date.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "peewasm/schema/field.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/function.hpp"
#include "peewasm/sql/literal.hpp"

namespace peewasm {
namespace {

constexpr std::array<std::string_view, 6> kParts = {"year", "month", "day", "hour", "minute", "second"};

// The parts a field type has, as a range of kParts: [first, last).
std::pair<std::size_t, std::size_t> parts_of(FieldType type) {
  switch (type) {
    case FieldType::DateTime:
    case FieldType::Timestamp: return {0, 6};
    case FieldType::Date: return {0, 3};
    case FieldType::Time: return {3, 6};
    default: return {0, 0};
  }
}

std::string list_parts(std::pair<std::size_t, std::size_t> range) {
  std::string list;
  for (std::size_t i = range.first; i < range.second; ++i) {
    list += (i == range.first ? "" : i + 1 == range.second ? " and " : ", ") + std::string(kParts[i]) + "()";
  }
  return list;
}

// The field under `expression`, checked to have `part`.
const Field& date_field(const Expr& expression, std::string_view part) {
  if (!expression.has_value() || !expression.node()->is<FieldNode>()) {
    throw ImproperlyConfigured(std::string(part) +
                               "() applies to a date or time field (Event[\"event_date\"]), not to an expression");
  }
  const Field& field = expression.node()->as<FieldNode>().field();
  const auto range = parts_of(field.type());
  if (range.first == range.second) {
    throw ImproperlyConfigured(std::string(field_class_name(field.type())) + " " + field.qualified_name() + " has no " +
                               std::string(part) + "(); date parts exist on DateTimeField, DateField, TimeField and "
                               "TimestampField");
  }
  const auto at = std::find(kParts.begin(), kParts.end(), part) - kParts.begin();
  if (static_cast<std::size_t>(at) < range.first || static_cast<std::size_t>(at) >= range.second) {
    throw ImproperlyConfigured(std::string(field_class_name(field.type())) + " " + field.qualified_name() + " has no " +
                               std::string(part) + "(); it has " + list_parts(range));
  }
  return field;
}

// What the SQL functions read: the column, or for a TimestampField (an integer count of
// seconds, or of 1/resolution seconds) the datetime it stands for.
Expr date_source(const Expr& expression, const Field& field) {
  if (field.type() != FieldType::Timestamp) return expression;
  Expr seconds = expression;
  if (field.options().resolution > 1) {
    seconds = seconds / Expr(make_value(Value(field.options().resolution), nullptr, false));
  }
  return fn("datetime", seconds, "unixepoch");
}

Expr date_part(const Expr& expression, std::string_view part) {
  const Field& field = date_field(expression, part);
  return fn("date_part", std::string(part), date_source(expression, field));
}

}  // namespace

Expr Expr::year() const { return date_part(*this, "year"); }
Expr Expr::month() const { return date_part(*this, "month"); }
Expr Expr::day() const { return date_part(*this, "day"); }
Expr Expr::hour() const { return date_part(*this, "hour"); }
Expr Expr::minute() const { return date_part(*this, "minute"); }
Expr Expr::second() const { return date_part(*this, "second"); }

Expr Expr::truncate(const std::string& part) const {
  if (std::find(kParts.begin(), kParts.end(), part) == kParts.end()) {
    throw ImproperlyConfigured("truncate(\"" + part + "\"): use year, month, day, hour, minute or second");
  }
  // Any part a field has can be truncated to; a DateField truncates to year, month or day.
  const Field& field = date_field(*this, part);
  return fn("date_trunc", part, date_source(*this, field));
}

}  // namespace peewasm
