#pragma once
// Metadata: everything known about one model (Peewee's Model._meta): its fields in order,
// primary key, table name, indexes, constraints and relationships.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "peewasm/schema/field.hpp"
#include "peewasm/sql/node.hpp"

namespace peewasm {

class Database;

// Meta.primary_key = CompositeKey("blog", "tag").
struct CompositeKey {
  std::vector<std::string> field_names;
};
// Meta.primary_key = False.
struct NoPrimaryKey {};
using PrimaryKeySpec = std::variant<CompositeKey, NoPrimaryKey>;

// One entry of Meta.indexes: (("from_acct", "to_acct"), true).
struct IndexSpec {
  std::vector<std::string> fields;
  bool unique = false;
};

// Model options. Unset optionals inherit from the parent model where Peewee's table says the
// option is inheritable; table_name, depends_on and without_rowid never inherit.
struct Meta {
  std::optional<Database*> database;
  std::optional<std::string> table_name;
  std::function<std::string(std::string_view model_name)> table_function;
  std::optional<std::vector<IndexSpec>> indexes;
  std::optional<PrimaryKeySpec> primary_key;
  std::optional<std::vector<Expr>> constraints;
  std::optional<std::string> schema;
  std::optional<bool> only_save_dirty;
  std::optional<bool> temporary;
  std::optional<bool> legacy_table_names;
  std::optional<bool> strict_tables;
  std::optional<std::vector<std::string>> table_settings;
  bool without_rowid = false;
  std::vector<std::string> depends_on;  // model names created before this one
};

// An index added with Model::add_index: fields or expressions, or raw SQL.
struct ModelIndex {
  std::string name;
  std::vector<Expr> expressions;
  bool unique = false;
  Expr where;
  std::string using_type;
  Expr raw_sql;  // add_index(SQL("CREATE INDEX ...")): executed as written
};

// One side of a many-to-many relation: the ManyToManyField a model declares, or the backref it
// adds to the other model. Course "students" and Student "courses" share one through model.
struct ManyToManyRelation {
  std::string name;                     // the accessor: "students" on Course
  const Metadata* model = nullptr;      // the model this side is on
  const Metadata* rel_model = nullptr;  // the model it reaches
  const Metadata* through = nullptr;    // the through model
  const Field* src_fk = nullptr;        // through's foreign key to `model`
  const Field* dest_fk = nullptr;       // through's foreign key to `rel_model`
  bool is_backref = false;              // true on the side the declaring model added

  // "Course.students", for messages.
  std::string qualified_name() const;
};

// Model::insert_plain's INSERT for one set of fields given and a number of rows: its SQL,
// compiled once, and its columns (insert_plain.cpp).
struct InsertShape {
  std::string sql;
  std::vector<const Field*> columns;
};
// By row count, then by the fields given.
using InsertShapes = std::map<std::size_t, std::map<std::vector<const Field*>, InsertShape>>;

class Metadata {
 public:
  Metadata(std::string name, Meta meta);
  Metadata(const Metadata&) = delete;
  Metadata& operator=(const Metadata&) = delete;

  const std::string& name() const noexcept { return name_; }
  const std::string& table_name() const noexcept { return table_name_; }
  // Meta.schema: the attached database the table lives in ("main", "archive"), or "".
  const std::string& schema() const noexcept { return schema_; }
  const Meta& options() const noexcept { return meta_; }
  Database* database() const noexcept { return meta_.database.value_or(nullptr); }
  // The database or a clear error telling how to bind one.
  Database& bound_database() const;

  // Fields in Peewee's order: primary key first, then declaration order.
  const std::vector<const Field*>& sorted_fields() const noexcept { return sorted_fields_; }
  // By field name, or by column name; nullptr when there is none.
  const Field* find_field(std::string_view name) const;
  // By name, or ImproperlyConfigured naming the model, the field and the fields there are.
  const Field& field(std::string_view name) const;
  bool has_field(std::string_view name) const { return find_field(name) != nullptr; }

  // The single primary-key field; nullptr with a composite key or none.
  const Field* primary_key() const noexcept { return primary_key_; }
  const std::vector<const Field*>& primary_key_fields() const noexcept { return primary_key_fields_; }
  bool composite_key() const noexcept { return primary_key_fields_.size() > 1; }
  bool has_primary_key() const noexcept { return !primary_key_fields_.empty(); }
  bool auto_increment() const noexcept { return auto_increment_; }

  // Foreign keys declared on this model, and those of other models pointing at it.
  std::vector<const Field*> foreign_keys() const;
  const std::vector<const Field*>& backrefs() const noexcept { return backrefs_; }
  // The foreign key (on another model) whose backref on this model is `name` ("tweets"), or
  // nullptr; backref() throws ImproperlyConfigured naming the model and its backrefs.
  const Field* find_backref(std::string_view name) const;
  const Field& backref(std::string_view name) const;
  // Many-to-many relations on this model, declared here or added as backrefs by other models;
  // many_to_many() throws ImproperlyConfigured naming the model and the relations it has.
  std::vector<const ManyToManyRelation*> many_to_many_relations() const;
  const ManyToManyRelation* find_many_to_many(std::string_view name) const;
  const ManyToManyRelation& many_to_many(std::string_view name) const;

  const std::vector<IndexSpec>& indexes() const;
  const std::vector<ModelIndex>& added_indexes() const noexcept { return added_indexes_; }
  const std::vector<Expr>& constraints() const;

  // The model's table as a query source (see TableNode).
  const NodePtr& table() const noexcept { return table_; }
  // The model this one extends, if any.
  const Metadata* parent() const noexcept { return parent_; }

  // Model::insert_plain's INSERT statements by the fields given and the row count (a cache:
  // fields never change once the model is defined).
  InsertShapes& insert_shapes() const noexcept { return insert_shapes_; }

 private:
  friend class ModelRegistry;
  friend class Model;

  Field& add_field(Field field);
  void finalize_fields();

  std::string name_;
  Meta meta_;
  std::string table_name_;
  std::string schema_;
  const Metadata* parent_ = nullptr;
  std::vector<std::unique_ptr<Field>> fields_;  // owned; addresses are stable
  std::vector<const Field*> sorted_fields_;
  const Field* primary_key_ = nullptr;
  std::vector<const Field*> primary_key_fields_;
  bool auto_increment_ = false;
  std::vector<const Field*> backrefs_;
  std::vector<std::unique_ptr<ManyToManyRelation>> many_to_many_;  // addresses are stable
  std::vector<ModelIndex> added_indexes_;
  NodePtr table_;
  mutable InsertShapes insert_shapes_;
};

// Peewee's table-name rules: legacy lower-cases the name; the new scheme snake_cases it.
std::string make_table_name(std::string_view model_name, bool legacy);

}  // namespace peewasm
