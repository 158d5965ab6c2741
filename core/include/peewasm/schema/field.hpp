#pragma once
// Field: one column of a model, with Peewee's field types, options and value conversions.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "peewasm/sql/expression.hpp"
#include "peewasm/value.hpp"

namespace peewasm {

struct Dialect;
class Metadata;

enum class FieldType {
  Auto, BigAuto, Identity, Integer, BigInteger, SmallInteger, Float, Double, Decimal,
  Char, FixedChar, Text, Blob, UUID, BinaryUUID, DateTime, Date, Time, Timestamp, IP,
  Boolean, Bit, BigBit, Bare, ForeignKey, Custom, JSON,
  ManyToMany,  // no column: declares a relation through another model (see many_to_many.hpp)
};

// Peewee's class name for a field type ("CharField").
std::string_view field_class_name(FieldType type);

// What a ForeignKeyField points at and how it behaves.
struct ForeignKeySpec {
  std::string model;      // the target model's name, or "self"
  std::string to_field;   // the target field's name; empty: its primary key
  std::string backref;    // empty: "<model>_set"; "+": none
  std::string on_delete;  // CASCADE, SET NULL, RESTRICT, ...
  std::string on_update;
  std::string deferrable;
  bool lazy_load = true;
  bool deferred = false;  // DeferredForeignKey: no constraint in CREATE TABLE
  // ManyToManyField: the through model's name; empty: one is generated.
  std::string through_model;
};

// Custom field conversions (Peewee's db_value / python_value overrides).
struct FieldAdapter {
  std::function<Value(const Value&)> db_value;
  std::function<Value(const Value&)> python_value;
};

struct FieldOptions {
  bool null = false;
  bool index = false;
  bool unique = false;
  bool primary_key = false;
  std::string column_name;  // empty: the field's name (FKs: name + "_id")
  std::optional<Value> default_value;
  std::function<Value()> default_function;
  std::vector<Expr> constraints;
  std::string collation;
  std::vector<std::pair<Value, std::string>> choices;  // metadata only, never enforced
  std::string help_text;
  std::string verbose_name;
  std::string sequence;
  std::string index_type;
  bool unindexed = false;
  // Type-specific parameters.
  int max_length = 255;
  int max_digits = 10;
  int decimal_places = 5;
  bool auto_round = false;
  std::vector<std::string> formats;  // strptime-style formats for dates and times
  long long resolution = 1;          // TimestampField: 1 = seconds, 1000 = milliseconds...
  bool utc = false;
  std::string field_type;  // Custom fields: the column type label ("uuid")
  FieldAdapter adapter;
};

class Field {
 public:
  Field(std::string name, FieldType type);

  // Options, chainable on a field being declared: CharField("username").unique().
  Field& null(bool value = true) { options_.null = value; return *this; }
  Field& index(bool value = true) { options_.index = value; return *this; }
  Field& unique(bool value = true) { options_.unique = value; return *this; }
  Field& primary_key(bool value = true) { options_.primary_key = value; return *this; }
  Field& column_name(std::string name) { options_.column_name = std::move(name); return *this; }
  Field& default_value(Value value) { options_.default_value = std::move(value); return *this; }
  Field& default_function(std::function<Value()> make) { options_.default_function = std::move(make); return *this; }
  Field& constraints(std::vector<Expr> list) { options_.constraints = std::move(list); return *this; }
  Field& collation(std::string name) { options_.collation = std::move(name); return *this; }
  Field& choices(std::vector<std::pair<Value, std::string>> list) { options_.choices = std::move(list); return *this; }
  Field& help_text(std::string text) { options_.help_text = std::move(text); return *this; }
  Field& verbose_name(std::string text) { options_.verbose_name = std::move(text); return *this; }
  Field& sequence(std::string name) { options_.sequence = std::move(name); return *this; }
  Field& index_type(std::string type) { options_.index_type = std::move(type); return *this; }
  Field& unindexed(bool value = true) { options_.unindexed = value; return *this; }
  Field& max_length(int length) { options_.max_length = length; return *this; }
  Field& max_digits(int digits) { options_.max_digits = digits; return *this; }
  Field& decimal_places(int places) { options_.decimal_places = places; return *this; }
  Field& auto_round(bool value = true) { options_.auto_round = value; return *this; }
  Field& formats(std::vector<std::string> list) { options_.formats = std::move(list); return *this; }
  Field& resolution(long long value) { options_.resolution = value; return *this; }
  Field& utc(bool value = true) { options_.utc = value; return *this; }
  Field& adapter(FieldAdapter conversions) { options_.adapter = std::move(conversions); return *this; }
  // Foreign keys.
  Field& backref(std::string name) { fk_.backref = std::move(name); return *this; }
  Field& on_delete(std::string action) { fk_.on_delete = std::move(action); return *this; }
  Field& on_update(std::string action) { fk_.on_update = std::move(action); return *this; }
  Field& deferrable(std::string mode) { fk_.deferrable = std::move(mode); return *this; }
  Field& lazy_load(bool value) { fk_.lazy_load = value; return *this; }
  Field& to_field(std::string name) { fk_.to_field = std::move(name); return *this; }
  // Many-to-many: an explicit through model (defined before this model) instead of a generated one.
  Field& through_model(std::string model) { fk_.through_model = std::move(model); return *this; }
  // Used by the field factories in fields.hpp.
  Field& references(std::string model) { fk_.model = std::move(model); return *this; }
  Field& deferred(bool value = true) { fk_.deferred = value; return *this; }
  Field& field_type_label(std::string label) { options_.field_type = std::move(label); return *this; }

  const std::string& name() const noexcept { return name_; }
  const std::string& column_name() const noexcept { return options_.column_name; }
  FieldType type() const noexcept { return type_; }
  const FieldOptions& options() const noexcept { return options_; }
  bool is_foreign_key() const noexcept { return type_ == FieldType::ForeignKey; }
  bool is_many_to_many() const noexcept { return type_ == FieldType::ManyToMany; }
  bool is_auto_increment() const noexcept;
  const ForeignKeySpec& foreign_key() const noexcept { return fk_; }

  // Bound state, set when the field joins a model.
  const Metadata& model() const;
  bool is_bound() const noexcept { return model_ != nullptr; }
  // FKs: the target model and field (after resolution of "self" and deferred names).
  const Metadata& rel_model() const;
  const Field& rel_field() const;
  bool is_resolved() const noexcept { return rel_model_ != nullptr; }
  // FKs: the accessor for the raw value, "<name>_id" (Peewee's object_id_name).
  const std::string& object_id_name() const noexcept { return object_id_name_; }
  // FKs: the backref name on the target model, resolved ("tweets", "tweet_set"), or "" for none.
  std::string backref_name() const;

  // Peewee's field_type label: "VARCHAR", "INT", "AUTO", "BOOL", "DEFAULT"...
  std::string field_type() const;
  // The column type with modifiers for DDL: "VARCHAR(255)", "DECIMAL(10, 5)", "" (BareField).
  std::string ddl_type(const Dialect& dialect) const;
  // The SQL function a parameter of this field is passed through, or "": a JSONField sends
  // json(?) so SQLite stores the document in its own form.
  std::string_view db_function() const noexcept { return type_ == FieldType::JSON ? "json" : ""; }

  // Python value -> what SQLite stores, and back. Throw DataError naming the field when a
  // value cannot be converted.
  Value db_value(const Value& value) const;
  // By value: a caller that hands over its value (a row being loaded) saves a copy.
  Value python_value(Value value) const;
  // Whether python_value returns a stored value of this type (and text or blob bytes)
  // unchanged: a reader may then copy it straight from the row (wasm/native encode_result).
  bool python_value_keeps(ValueType type, std::string_view bytes) const;
  // The default for a new instance, if any (calls the default function).
  std::optional<Value> make_default() const;
  // Whether the field has a default, without calling a default function.
  bool has_default() const noexcept { return options_.default_value.has_value() || options_.default_function != nullptr; }

  // "Tweet.user", for messages.
  std::string qualified_name() const;
  // Position in the model's sorted fields (instances store values by it).
  std::size_t index() const noexcept { return index_; }

 private:
  friend class Metadata;
  friend class ModelRegistry;

  std::string name_;
  FieldType type_;
  FieldOptions options_;
  ForeignKeySpec fk_;
  const Metadata* model_ = nullptr;
  const Metadata* rel_model_ = nullptr;
  const Field* rel_field_ = nullptr;
  std::string object_id_name_;
  int declaration_order_ = 0;  // Peewee sorts fields by (not primary key, declaration order)
  std::size_t index_ = 0;      // position in the model's sorted fields
};

}  // namespace peewasm
