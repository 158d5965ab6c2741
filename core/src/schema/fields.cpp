#include "peewasm/schema/fields.hpp"

#include "peewasm/schema/model.hpp"

namespace peewasm {

Field AutoField(std::string name) { return Field(std::move(name), FieldType::Auto).primary_key(); }
Field BigAutoField(std::string name) { return Field(std::move(name), FieldType::BigAuto).primary_key(); }
Field IdentityField(std::string name) { return Field(std::move(name), FieldType::Identity).primary_key(); }
Field IntegerField(std::string name) { return Field(std::move(name), FieldType::Integer); }
Field BigIntegerField(std::string name) { return Field(std::move(name), FieldType::BigInteger); }
Field SmallIntegerField(std::string name) { return Field(std::move(name), FieldType::SmallInteger); }
Field FloatField(std::string name) { return Field(std::move(name), FieldType::Float); }
Field DoubleField(std::string name) { return Field(std::move(name), FieldType::Double); }
Field DecimalField(std::string name, int max_digits, int decimal_places) {
  return Field(std::move(name), FieldType::Decimal).max_digits(max_digits).decimal_places(decimal_places);
}
Field CharField(std::string name, int max_length) {
  return Field(std::move(name), FieldType::Char).max_length(max_length);
}
Field FixedCharField(std::string name, int max_length) {
  return Field(std::move(name), FieldType::FixedChar).max_length(max_length);
}
Field TextField(std::string name) { return Field(std::move(name), FieldType::Text); }
Field BlobField(std::string name) { return Field(std::move(name), FieldType::Blob); }
Field UUIDField(std::string name) { return Field(std::move(name), FieldType::UUID); }
Field BinaryUUIDField(std::string name) { return Field(std::move(name), FieldType::BinaryUUID); }
Field DateTimeField(std::string name) { return Field(std::move(name), FieldType::DateTime); }
Field DateField(std::string name) { return Field(std::move(name), FieldType::Date); }
Field TimeField(std::string name) { return Field(std::move(name), FieldType::Time); }
Field TimestampField(std::string name) { return Field(std::move(name), FieldType::Timestamp); }
Field IPField(std::string name) { return Field(std::move(name), FieldType::IP); }
Field BooleanField(std::string name) { return Field(std::move(name), FieldType::Boolean); }
Field BitField(std::string name) { return Field(std::move(name), FieldType::Bit).default_value(0); }
Field BigBitField(std::string name) { return Field(std::move(name), FieldType::BigBit).default_value(Blob{}); }
Field BareField(std::string name) { return Field(std::move(name), FieldType::Bare); }
Field JSONField(std::string name) { return Field(std::move(name), FieldType::JSON); }

Field CustomField(std::string name, std::string field_type, FieldAdapter adapter) {
  Field field(std::move(name), FieldType::Custom);
  field.field_type_label(std::move(field_type)).adapter(std::move(adapter));
  return field;
}

Field ForeignKeyField(std::string name, const Model& target) { return ForeignKeyField(std::move(name), target.name()); }

Field ForeignKeyField(std::string name, std::string target) {
  // Foreign keys are indexed unless declared unique (which indexes them anyway).
  return Field(std::move(name), FieldType::ForeignKey).references(std::move(target)).index();
}

Field DeferredForeignKey(std::string name, std::string target) {
  return ForeignKeyField(std::move(name), std::move(target)).deferred();
}

Field ManyToManyField(std::string name, const Model& target) { return ManyToManyField(std::move(name), target.name()); }

Field ManyToManyField(std::string name, std::string target) {
  return Field(std::move(name), FieldType::ManyToMany).references(std::move(target));
}

}  // namespace peewasm
