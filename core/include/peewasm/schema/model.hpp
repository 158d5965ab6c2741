#pragma once
// Model: a handle on a defined model (Peewee's model class) or an alias of it. It builds
// queries, creates and fetches instances, and names fields for expressions: User["username"].

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "peewasm/schema/instance.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/sql/expression.hpp"

namespace peewasm {

class ModelSelect;
class Insert;
class Update;
class Delete;
class Selection;

class Model {
 public:
  Model() = default;
  explicit Model(const Metadata& meta);
  Model(const Metadata& meta, NodePtr source) : meta_(&meta), source_(std::move(source)) {}

  explicit operator bool() const noexcept { return meta_ != nullptr; }
  const Metadata& meta() const;
  const std::string& name() const { return meta().name(); }
  // The source this handle reads from: the model's table, or an alias.
  const NodePtr& source() const noexcept { return source_; }
  bool is_alias() const;

  // A field on this source, for expressions. Unknown names throw ImproperlyConfigured.
  Expr operator[](std::string_view field_name) const;
  Expr field(std::string_view field_name) const { return (*this)[field_name]; }
  // BitField flags (Peewee's flags.flag(4)): the condition "bit is set", and the update values
  // that set or clear it: Post.update({{"flags", Post.set_flag("flags", 8)}}).
  Expr flag(std::string_view bit_field, std::int64_t bit) const;
  Expr set_flag(std::string_view bit_field, std::int64_t bit) const;
  Expr clear_flag(std::string_view bit_field, std::int64_t bit) const;
  // A second identity of the same table (self-joins), optionally with an explicit alias.
  Model alias(std::string name = {}) const;

  ModelSelect select(std::vector<Selection> columns = {}) const;
  Insert insert(const FieldValues& values = {}) const;
  // Many rows; each row gives values in the order of `fields` (or of the model's fields).
  Insert insert_many(const std::vector<std::vector<Value>>& rows, const std::vector<std::string>& fields = {}) const;
  Insert insert_many(const std::vector<FieldValues>& rows) const;
  // Runs insert_many of rows of plain values that all give `fields` (in field order), as
  // Instance::save and the bindings' insertMany do; returns the last row id. `rows` holds
  // the rows one after another, each as its values by field index (sorted_fields().size()
  // values, those of fields not given unused). Its SQL is compiled once per fields and row
  // count (Metadata::insert_shapes); later calls only bind.
  std::int64_t insert_plain(const std::vector<const Field*>& fields, std::span<const Value> rows) const;
  // INSERT INTO table (fields, in this order) SELECT ... (Peewee's Model.insert_from).
  Insert insert_from(const ModelSelect& query, const std::vector<std::string>& fields) const;
  Update update(const FieldValues& values) const;
  Delete delete_() const;

  Instance create(const FieldValues& values = {}) const;
  // Raises DoesNotExist naming the model, the SQL and the params.
  Instance get(const Expr& where = Expr()) const;
  std::optional<Instance> get_or_none(const Expr& where = Expr()) const;
  Instance get_by_id(const Value& pk) const;
  Instance get_by_id(const std::vector<Value>& composite_pk) const;
  // (instance, created): a get with field == value for each pair, else a create in atomic().
  std::pair<Instance, bool> get_or_create(const FieldValues& values, const FieldValues& defaults = {}) const;
  // The same with defaults made only when the row is created (a default that reads a clock
  // must not run when the row exists).
  std::pair<Instance, bool> get_or_create(const FieldValues& values,
                                          const std::function<FieldValues()>& make_defaults) const;
  // A new unsaved instance (Peewee's Model(**kwargs)).
  Instance new_instance(const FieldValues& values = {}) const;

  // Model.index(...) / add_index(...).
  ModelIndex index(std::vector<Expr> expressions, bool unique = false, Expr where = Expr(), std::string name = {}) const;
  void add_index(std::vector<Expr> expressions, bool unique = false, Expr where = Expr()) const;
  void add_index(ModelIndex index) const;
  void add_index(const Expr& raw_sql) const;  // SQL("CREATE INDEX ...")

  void create_table(bool safe = true) const;
  void drop_table(bool safe = true) const;

  // The through model of a many-to-many relation (Peewee's Course.students.get_through_model()).
  Model get_through_model(std::string_view many_to_many) const;

  // Turns auto-increment off for bulk loads with explicit ids (Peewee's _meta.auto_increment).
  void set_auto_increment(bool enabled) const;

  bool operator==(const Model& other) const noexcept { return meta_ == other.meta_ && source_ == other.source_; }

 private:
  Metadata& mutable_meta() const;

  const Metadata* meta_ = nullptr;
  NodePtr source_;
};

// One entry of a select list: a whole model (all its fields) or any expression.
class Selection {
 public:
  Selection(const Model& model) : model_(model) {}
  Selection(Expr expression) : expression_(std::move(expression)) {}
  template <ValueLike T>
  Selection(T&& value) : expression_(Expr(std::forward<T>(value))) {}

  const Model* model() const { return model_ ? &model_ : nullptr; }
  const Expr& expression() const { return expression_; }

 private:
  Model model_;
  Expr expression_;
};

}  // namespace peewasm
