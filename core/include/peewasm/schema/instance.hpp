#pragma once
// Instance: one model instance (a row), with field values, dirty tracking and the related
// objects it was loaded with. Like a Python object it is a handle: copies share one row.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "peewasm/sql/expression.hpp"
#include "peewasm/value.hpp"

namespace peewasm {

class Field;
class Metadata;
class Instance;
class ModelSelect;
class ManyToManyQuery;

// What may be assigned to a field: a value, a related instance (foreign keys), or an
// expression (in update queries: Post.update({{"flags", Post["flags"] | 8}})).
class FieldValue {
 public:
  template <ValueLike T>
  FieldValue(T&& value) : data_(Value(std::forward<T>(value))) {}
  FieldValue(Value value) : data_(std::move(value)) {}
  FieldValue(Instance instance);
  FieldValue(Expr expression) : data_(std::move(expression)) {}

  const Value* value() const { return std::get_if<Value>(&data_); }
  const Instance* instance() const;
  const Expr* expression() const { return std::get_if<Expr>(&data_); }

 private:
  std::variant<Value, std::shared_ptr<Instance>, Expr> data_;
};

using FieldValues = std::vector<std::pair<std::string, FieldValue>>;

class Instance {
 public:
  Instance() = default;
  // A new, unsaved instance with the model's defaults applied (Peewee's Model(**kwargs)).
  explicit Instance(const Metadata& meta, const FieldValues& values = {});
  // An instance with no values at all, not even defaults: a row about to be loaded.
  static Instance blank(const Metadata& meta);

  explicit operator bool() const noexcept { return state_ != nullptr; }
  const Metadata& meta() const;

  // A field's value by field name (a foreign key gives its raw id), by "<fk>_id", or an extra
  // selected column such as an aggregate alias ("count"). Null when unset. A reference into
  // the instance (no copy of text): valid until the value is set again.
  const Value& get(std::string_view name) const;
  bool has(std::string_view name) const;
  // The same for a field of this instance's model, without looking its name up.
  const Value& get(const Field& field) const;
  bool has(const Field& field) const;
  // Sets a field (marks it dirty); a foreign key takes an Instance or its id.
  void set(std::string_view name, const FieldValue& value);
  void set(const Field& field, const FieldValue& value);

  // The related instance of a foreign key: loaded with the query (join), assigned, or fetched
  // now with one query and cached (lazy loading). nullopt when the key is NULL. With
  // lazy_load=false and nothing loaded, ImproperlyConfigured says to read "<name>_id".
  std::optional<Instance> related(std::string_view fk_name) const;
  bool has_related(std::string_view fk_name) const;

  // Relationships seen from this row (include peewasm/query/many_to_many_query.hpp or
  // peewasm.hpp to use them). backref("tweets"): the rows whose foreign key points here, as a
  // fresh query to chain: SELECT ... FROM "tweet" AS "t1" WHERE ("t1"."user_id" = ?) (Peewee's
  // user.tweets; "<model>_set" when the foreign key names no backref). many_to_many("courses"):
  // the rows related through a ManyToManyField, with add/remove/clear. Unknown names throw
  // ImproperlyConfigured listing the names the model has.
  ModelSelect backref(std::string_view name) const;
  ManyToManyQuery many_to_many(std::string_view name) const;

  // Eager loading (with_related, prefetch): the rows loaded for a backref, as a list; no query
  // runs. ImproperlyConfigured when nothing was loaded under that name.
  const std::vector<Instance>& prefetched(std::string_view backref) const;
  bool has_prefetched(std::string_view backref) const;

  // BitField flags on this instance (Peewee's p.is_sticky / p.is_sticky = True).
  bool flag(std::string_view bit_field, std::int64_t bit) const;
  void set_flag(std::string_view bit_field, std::int64_t bit, bool on = true);
  // BigBitField bitmaps (Peewee's bitmap.data.set_bit(i)): bit i lives in byte i / 8, and the
  // buffer grows as bits are set. toggle_bit returns the bit's new state.
  bool is_set(std::string_view big_bit_field, std::size_t bit) const;
  void set_bit(std::string_view big_bit_field, std::size_t bit);
  void clear_bit(std::string_view big_bit_field, std::size_t bit);
  bool toggle_bit(std::string_view big_bit_field, std::size_t bit);

  Value pk() const;                 // single primary key; null if unset
  std::vector<Value> pk_values() const;  // every primary-key part
  // Python's str(instance): the primary key, "(1, 1)" for composite keys.
  std::string str() const;

  // INSERT when there is no primary key value (or force_insert), else UPDATE of the fields;
  // only dirty ones with only_save_dirty. Returns the rows written (0 when nothing to save).
  std::int64_t save(bool force_insert = false, const std::vector<std::string>& only = {});
  // DELETE of this row by primary key; returns rows deleted.
  std::int64_t delete_instance();

  std::vector<std::string> dirty_fields() const;
  bool is_dirty() const;

  // Internal: used by result materialization and eager loading.
  void load_column(const Field& field, Value db_value);
  void set_extra(std::string name, Value value);
  void set_related(std::string attr, Instance related);
  // Eager loading stores a backref's rows, and links each row to its parent for related(fk_name)
  // without owning it (parent and rows would otherwise keep each other alive).
  void set_prefetched(std::string backref, std::vector<Instance> rows);
  void link_parent(std::string fk_name, const Instance& parent);
  void clear_dirty();
  // What is attached to this row, for encoders that rebuild it elsewhere (the wasm package):
  // extra columns in select order, joined or loaded instances by attribute, loaded backref
  // rows by backref name.
  const std::vector<std::pair<std::string, Value>>& extras() const;
  const std::map<std::string, Instance, std::less<>>& related_instances() const;
  const std::map<std::string, std::vector<Instance>, std::less<>>& prefetched_rows() const;

 private:
  struct State;
  State& state() const;
  // The parent link_parent() recorded, if it is still alive; an empty Instance otherwise.
  Instance linked_parent(std::string_view fk_name) const;
  void assign(const Field& field, const FieldValue& value);

  std::shared_ptr<State> state_;
};

}  // namespace peewasm
