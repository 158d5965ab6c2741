#include "peewasm/schema/model.hpp"

#include <algorithm>

#include "peewasm/db/database.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/query/write_queries.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/schema/schema_manager.hpp"
#include "peewasm/sql/literal.hpp"

namespace peewasm {

Model::Model(const Metadata& meta) : meta_(&meta), source_(meta.table()) {}

const Metadata& Model::meta() const {
  if (!meta_) throw ImproperlyConfigured("this Model handle is empty; get one from ModelRegistry::define()");
  return *meta_;
}

Metadata& Model::mutable_meta() const { return const_cast<Metadata&>(meta()); }

bool Model::is_alias() const { return source_ != meta().table(); }

Expr Model::operator[](std::string_view field_name) const {
  return Expr(std::make_shared<FieldNode>(meta().field(field_name), source_));
}

Expr Model::flag(std::string_view bit_field, std::int64_t bit) const { return ((*this)[bit_field] & bit) != 0; }

Expr Model::set_flag(std::string_view bit_field, std::int64_t bit) const { return (*this)[bit_field] | bit; }

Expr Model::clear_flag(std::string_view bit_field, std::int64_t bit) const { return (*this)[bit_field] & ~bit; }

Model Model::alias(std::string name) const {
  return Model(meta(), std::make_shared<TableNode>(meta(), std::move(name)));
}

ModelSelect Model::select(std::vector<Selection> columns) const { return ModelSelect(*this, std::move(columns)); }

namespace {

// The value a field is given in INSERT/UPDATE: instances stand for their key.
NodePtr value_node(const Field& field, const FieldValue& value) {
  if (const Expr* expression = value.expression()) return expression->node();
  if (const Instance* instance = value.instance()) {
    if (!field.is_foreign_key()) {
      throw DataError(std::string(field_class_name(field.type())) + " " + field.qualified_name() +
                      " is not a foreign key: pass a value, not a model instance");
    }
    return make_value(instance->get(field.rel_field().name()), &field);
  }
  return make_value(*value.value(), &field);
}

std::vector<const Field*> sorted_columns(const Metadata& meta, const std::vector<const Field*>& chosen) {
  std::vector<const Field*> columns;
  for (const Field* field : meta.sorted_fields()) {
    if (std::find(chosen.begin(), chosen.end(), field) != chosen.end()) columns.push_back(field);
  }
  return columns;
}

}  // namespace

Insert Model::insert(const FieldValues& values) const { return insert_many(std::vector<FieldValues>{values}); }

Insert Model::insert_many(const std::vector<std::vector<Value>>& rows, const std::vector<std::string>& fields) const {
  const Metadata& m = meta();
  auto node = std::make_shared<InsertNode>();
  node->model = &m;
  if (fields.empty()) {
    node->columns = m.sorted_fields();
  } else {
    for (const std::string& name : fields) node->columns.push_back(&m.field(name));
  }
  for (const auto& values : rows) {
    if (values.size() != node->columns.size()) {
      throw DataError(m.name() + ".insert_many: a row has " + std::to_string(values.size()) + " values for " +
                      std::to_string(node->columns.size()) + " fields; give one value per field, in order");
    }
    NodeVector row;
    for (std::size_t i = 0; i < values.size(); ++i) row.push_back(make_value(values[i], node->columns[i]));
    node->rows.push_back(std::move(row));
  }
  return Insert(node);
}

// Peewee's _generate_insert: the columns are the first row's fields plus every field with a
// default, in field order; a row missing one takes the default. No columns: DEFAULT VALUES.
Insert Model::insert_many(const std::vector<FieldValues>& rows) const {
  const Metadata& m = meta();
  auto node = std::make_shared<InsertNode>();
  node->model = &m;
  if (rows.empty()) return Insert(node);
  std::vector<const Field*> chosen;
  for (const auto& [name, value] : rows.front()) chosen.push_back(&m.field(name));
  for (const Field* field : m.sorted_fields()) {
    if (field->has_default() && std::find(chosen.begin(), chosen.end(), field) == chosen.end()) chosen.push_back(field);
  }
  node->columns = sorted_columns(m, chosen);
  if (node->columns.empty()) return Insert(node);
  for (const FieldValues& values : rows) {
    NodeVector row(node->columns.size());
    for (const auto& [name, value] : values) {
      const Field& field = m.field(name);
      auto column = std::find(node->columns.begin(), node->columns.end(), &field);
      if (column == node->columns.end()) {
        throw DataError(m.name() + ".insert_many: a row sets \"" + field.name() +
                        "\", which the first row does not; give every row the same fields");
      }
      row[column - node->columns.begin()] = value_node(field, value);
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i]) continue;
      auto value = node->columns[i]->make_default();
      if (!value) {
        throw DataError(m.name() + ".insert_many: a row has no value for \"" + node->columns[i]->name() +
                        "\"; give every row the same fields");
      }
      row[i] = make_value(*value, node->columns[i]);
    }
    node->rows.push_back(std::move(row));
  }
  return Insert(node);
}

Insert Model::insert_from(const ModelSelect& query, const std::vector<std::string>& fields) const {
  auto node = std::make_shared<InsertNode>();
  node->model = &meta();
  for (const std::string& name : fields) node->columns.push_back(&meta().field(name));
  node->query = query.expr().node();
  return Insert(node);
}

Update Model::update(const FieldValues& values) const {
  const Metadata& m = meta();
  auto node = std::make_shared<UpdateNode>();
  node->model = &m;
  std::vector<std::pair<const Field*, NodePtr>> given;
  for (const auto& [name, value] : values) {
    const Field& field = m.field(name);
    given.emplace_back(&field, value_node(field, value));
  }
  for (const Field* field : m.sorted_fields()) {
    for (const auto& entry : given) {
      if (entry.first == field) node->assignments.push_back(entry);
    }
  }
  return Update(node);
}

Delete Model::delete_() const {
  auto node = std::make_shared<DeleteNode>();
  node->model = &meta();
  return Delete(node);
}

Instance Model::new_instance(const FieldValues& values) const { return Instance(meta(), values); }

Instance Model::create(const FieldValues& values) const {
  Instance instance(meta(), values);
  instance.save(true);
  return instance;
}

Instance Model::get(const Expr& where) const {
  ModelSelect query = select();
  if (where.has_value()) query = query.where(where);
  return query.get();
}

std::optional<Instance> Model::get_or_none(const Expr& where) const {
  try {
    return get(where);
  } catch (const DoesNotExist&) {
    return std::nullopt;
  }
}

namespace {
Expr primary_key_match(const Model& model, const std::vector<Value>& values) {
  const auto& fields = model.meta().primary_key_fields();
  if (fields.empty()) throw ProgrammingError(model.name() + " has no primary key; use get() with a condition");
  if (fields.size() != values.size()) {
    throw DataError(model.name() + " has a primary key of " + std::to_string(fields.size()) + " fields; got " +
                    std::to_string(values.size()) + " values");
  }
  Expr match;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    Expr part = model[fields[i]->name()] == values[i];
    match = match.has_value() ? (match && part) : part;
  }
  return match;
}
}  // namespace

Instance Model::get_by_id(const Value& pk) const { return get(primary_key_match(*this, {pk})); }

Instance Model::get_by_id(const std::vector<Value>& composite_pk) const {
  return get(primary_key_match(*this, composite_pk));
}

std::pair<Instance, bool> Model::get_or_create(const FieldValues& values, const FieldValues& defaults) const {
  return get_or_create(values, [&] { return defaults; });
}

std::pair<Instance, bool> Model::get_or_create(const FieldValues& values,
                                               const std::function<FieldValues()>& make_defaults) const {
  ModelSelect query = select();
  for (const auto& [name, value] : values) {
    const Field& field = meta().field(name);
    query = query.where(Expr((*this)[name]) == Expr(value_node(field, value)));
  }
  try {
    return {query.get(), false};
  } catch (const DoesNotExist&) {
  }
  FieldValues all = values;
  const FieldValues defaults = make_defaults();
  all.insert(all.end(), defaults.begin(), defaults.end());
  try {
    Instance created;
    meta().bound_database().atomic([&] { created = create(all); });
    return {created, true};
  } catch (const IntegrityError&) {
    // Someone created it meanwhile: return theirs, else the constraint error stands.
    if (auto existing = query.first()) return {*existing, false};
    throw;
  }
}

ModelIndex Model::index(std::vector<Expr> expressions, bool unique, Expr where, std::string name) const {
  return ModelIndex{std::move(name), std::move(expressions), unique, std::move(where), {}, Expr()};
}

void Model::add_index(std::vector<Expr> expressions, bool unique, Expr where) const {
  add_index(index(std::move(expressions), unique, std::move(where)));
}

void Model::add_index(ModelIndex index) const { mutable_meta().added_indexes_.push_back(std::move(index)); }

void Model::add_index(const Expr& raw_sql) const {
  ModelIndex index;
  index.raw_sql = raw_sql;
  add_index(std::move(index));
}

void Model::create_table(bool safe) const { SchemaManager(*this).create_all(meta().bound_database(), safe); }

void Model::drop_table(bool safe) const { SchemaManager(*this).drop_table(meta().bound_database(), safe); }

Model Model::get_through_model(std::string_view many_to_many) const {
  return Model(*meta().many_to_many(many_to_many).through);
}

void Model::set_auto_increment(bool enabled) const { mutable_meta().auto_increment_ = enabled; }

}  // namespace peewasm
