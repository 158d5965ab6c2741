#include "peewasm/schema/field.hpp"

#include "peewasm/schema/metadata.hpp"
#include "peewasm/sql/dialect.hpp"

namespace peewasm {

std::string_view field_class_name(FieldType type) {
  switch (type) {
    case FieldType::Auto: return "AutoField";
    case FieldType::BigAuto: return "BigAutoField";
    case FieldType::Identity: return "IdentityField";
    case FieldType::Integer: return "IntegerField";
    case FieldType::BigInteger: return "BigIntegerField";
    case FieldType::SmallInteger: return "SmallIntegerField";
    case FieldType::Float: return "FloatField";
    case FieldType::Double: return "DoubleField";
    case FieldType::Decimal: return "DecimalField";
    case FieldType::Char: return "CharField";
    case FieldType::FixedChar: return "FixedCharField";
    case FieldType::Text: return "TextField";
    case FieldType::Blob: return "BlobField";
    case FieldType::UUID: return "UUIDField";
    case FieldType::BinaryUUID: return "BinaryUUIDField";
    case FieldType::DateTime: return "DateTimeField";
    case FieldType::Date: return "DateField";
    case FieldType::Time: return "TimeField";
    case FieldType::Timestamp: return "TimestampField";
    case FieldType::IP: return "IPField";
    case FieldType::Boolean: return "BooleanField";
    case FieldType::Bit: return "BitField";
    case FieldType::BigBit: return "BigBitField";
    case FieldType::Bare: return "BareField";
    case FieldType::ForeignKey: return "ForeignKeyField";
    case FieldType::Custom: return "Field";
    case FieldType::JSON: return "JSONField";
    case FieldType::ManyToMany: return "ManyToManyField";
  }
  return "Field";
}

Field::Field(std::string name, FieldType type) : name_(std::move(name)), type_(type) {}

bool Field::is_auto_increment() const noexcept {
  return type_ == FieldType::Auto || type_ == FieldType::BigAuto || type_ == FieldType::Identity;
}

const Metadata& Field::model() const {
  if (!model_) throw ImproperlyConfigured("field '" + name_ + "' is not part of a model yet");
  return *model_;
}

const Metadata& Field::rel_model() const {
  if (!rel_model_) {
    throw ImproperlyConfigured("foreign key " + qualified_name() + " points at model '" + fk_.model +
                               "', which is not defined yet; define it before using the relationship");
  }
  return *rel_model_;
}

const Field& Field::rel_field() const {
  rel_model();
  return *rel_field_;
}

std::string Field::backref_name() const {
  if (fk_.backref == "+") return "";
  if (!fk_.backref.empty()) return fk_.backref;
  return make_table_name(model().name(), true) + "_set";
}

std::string Field::qualified_name() const { return (model_ ? model_->name() : std::string("?")) + "." + name_; }

std::string Field::field_type() const {
  switch (type_) {
    case FieldType::Auto: return "AUTO";
    case FieldType::BigAuto: return "BIGAUTO";
    case FieldType::Identity: return "IDENTITY";
    case FieldType::Integer: return "INT";
    case FieldType::BigInteger: return "BIGINT";
    case FieldType::SmallInteger: return "SMALLINT";
    case FieldType::Float: return "FLOAT";
    case FieldType::Double: return "DOUBLE";
    case FieldType::Decimal: return "DECIMAL";
    case FieldType::Char: return "VARCHAR";
    case FieldType::FixedChar: return "CHAR";
    case FieldType::Text: return "TEXT";
    case FieldType::Blob: return "BLOB";
    case FieldType::UUID: return "UUID";
    case FieldType::BinaryUUID: return "UUIDB";
    case FieldType::DateTime: return "DATETIME";
    case FieldType::Date: return "DATE";
    case FieldType::Time: return "TIME";
    case FieldType::Timestamp: return "BIGINT";
    case FieldType::IP: return "BIGINT";
    case FieldType::Boolean: return "BOOL";
    case FieldType::Bit: return "BIGINT";
    case FieldType::BigBit: return "BLOB";
    case FieldType::Bare:
    case FieldType::ManyToMany: return "DEFAULT";
    case FieldType::Custom: return options_.field_type;
    case FieldType::JSON: return "JSON";
    case FieldType::ForeignKey: {
      // An FK stores what its target stores; an auto-increment target is a plain integer.
      const Field& target = rel_field();
      if (target.type() == FieldType::BigAuto) return "BIGINT";
      if (target.is_auto_increment()) return "INT";
      return target.field_type();
    }
  }
  return "DEFAULT";
}

std::string Field::ddl_type(const Dialect& dialect) const {
  std::string type(dialect.column_type(field_type()));
  if (type.empty()) return type;
  const Field& sized = is_foreign_key() ? rel_field() : *this;
  switch (sized.type()) {
    case FieldType::Char:
    case FieldType::FixedChar:
      return type + "(" + std::to_string(sized.options().max_length) + ")";
    case FieldType::Decimal:
      return type + "(" + std::to_string(sized.options().max_digits) + ", " +
             std::to_string(sized.options().decimal_places) + ")";
    default:
      return type;
  }
}

std::optional<Value> Field::make_default() const {
  if (options_.default_function) return options_.default_function();
  return options_.default_value;
}

}  // namespace peewasm
