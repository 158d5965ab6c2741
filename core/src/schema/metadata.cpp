#include "peewasm/schema/metadata.hpp"

#include <algorithm>

#include "identifier_case.hpp"
#include "peewasm/schema/model_nodes.hpp"

namespace peewasm {

Metadata::Metadata(std::string name, Meta meta)
    : name_(std::move(name)), meta_(std::move(meta)), schema_(meta_.schema.value_or("")) {
  table_ = std::make_shared<TableNode>(*this, "");
}

Database& Metadata::bound_database() const {
  if (Database* db = database()) return *db;
  throw InterfaceError("model " + name_ + " is not bound to a database; set Meta.database (or inherit it from a base model)");
}

const Field* Metadata::find_field(std::string_view name) const {
  for (const Field* field : sorted_fields_) {
    if (field->name() == name) return field;
  }
  for (const Field* field : sorted_fields_) {
    if (field->column_name() == name) return field;
  }
  return nullptr;
}

const Field& Metadata::field(std::string_view name) const {
  if (const Field* found = find_field(name)) return *found;
  std::string known;
  for (const Field* field : sorted_fields_) known += (known.empty() ? "" : ", ") + field->name();
  throw ImproperlyConfigured(name_ + " has no field '" + std::string(name) + "'; its fields are: " + known);
}

// Two foreign keys declaring the same backref: the later one wins, as in Peewee, where the
// second declaration silently replaces the first (seed 002, 10.3).
const Field* Metadata::find_backref(std::string_view name) const {
  for (auto fk = backrefs_.rbegin(); fk != backrefs_.rend(); ++fk) {
    if ((*fk)->backref_name() == name) return *fk;
  }
  return nullptr;
}

namespace {
// "a, b" without repeats (colliding backrefs share a name), or "(none)".
std::string listed(const std::vector<std::string>& names) {
  std::vector<std::string> seen;
  std::string out;
  for (const std::string& name : names) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    seen.push_back(name);
    out += (out.empty() ? "" : ", ") + name;
  }
  return out.empty() ? "(none)" : out;
}
}  // namespace

const Field& Metadata::backref(std::string_view name) const {
  if (const Field* found = find_backref(name)) return *found;
  std::vector<std::string> known;
  for (const Field* fk : backrefs_) {
    if (!fk->backref_name().empty()) known.push_back(fk->backref_name());
  }
  std::string hint;
  if (find_many_to_many(name)) hint = " (" + std::string(name) + " is a many-to-many relation: use many_to_many(\"" + std::string(name) + "\"))";
  throw ImproperlyConfigured(name_ + " has no backref '" + std::string(name) + "'; its backrefs are: " + listed(known) + hint);
}

std::vector<const ManyToManyRelation*> Metadata::many_to_many_relations() const {
  std::vector<const ManyToManyRelation*> relations;
  for (const auto& relation : many_to_many_) relations.push_back(relation.get());
  return relations;
}

const ManyToManyRelation* Metadata::find_many_to_many(std::string_view name) const {
  for (const auto& relation : many_to_many_) {
    if (relation->name == name) return relation.get();
  }
  return nullptr;
}

const ManyToManyRelation& Metadata::many_to_many(std::string_view name) const {
  if (const ManyToManyRelation* found = find_many_to_many(name)) return *found;
  std::vector<std::string> known;
  for (const auto& relation : many_to_many_) known.push_back(relation->name);
  std::string hint;
  if (find_backref(name)) hint = " (" + std::string(name) + " is a backref: use backref(\"" + std::string(name) + "\"))";
  throw ImproperlyConfigured(name_ + " has no many-to-many relation '" + std::string(name) +
                             "'; its many-to-many relations are: " + listed(known) + hint);
}

std::string ManyToManyRelation::qualified_name() const { return model->name() + "." + name; }

std::vector<const Field*> Metadata::foreign_keys() const {
  std::vector<const Field*> fks;
  for (const Field* field : sorted_fields_) {
    if (field->is_foreign_key()) fks.push_back(field);
  }
  return fks;
}

const std::vector<IndexSpec>& Metadata::indexes() const {
  static const std::vector<IndexSpec> none;
  return meta_.indexes ? *meta_.indexes : none;
}

const std::vector<Expr>& Metadata::constraints() const {
  static const std::vector<Expr> none;
  return meta_.constraints ? *meta_.constraints : none;
}

Field& Metadata::add_field(Field field) {
  auto same_name = std::find_if(fields_.begin(), fields_.end(),
                                [&](const auto& existing) { return existing->name() == field.name(); });
  if (same_name != fields_.end()) {
    field.declaration_order_ = (*same_name)->declaration_order_;
    **same_name = std::move(field);
    return **same_name;
  }
  fields_.push_back(std::make_unique<Field>(std::move(field)));
  return *fields_.back();
}

void Metadata::finalize_fields() {
  sorted_fields_.clear();
  for (auto& field : fields_) {
    field->model_ = this;
    sorted_fields_.push_back(field.get());
  }
  // Peewee's sort key: primary-key fields first, then the order of declaration.
  std::stable_sort(sorted_fields_.begin(), sorted_fields_.end(), [](const Field* a, const Field* b) {
    bool a_pk = a->options().primary_key, b_pk = b->options().primary_key;
    if (a_pk != b_pk) return a_pk;
    return a->declaration_order_ < b->declaration_order_;
  });
  for (std::size_t i = 0; i < sorted_fields_.size(); ++i) const_cast<Field*>(sorted_fields_[i])->index_ = i;
}

std::string make_table_name(std::string_view model_name, bool legacy) {
  if (!legacy) return identifier_case::snake_case(model_name);
  std::string name(model_name);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return identifier_case::replace_non_word_runs(name, "_");
}

}  // namespace peewasm
