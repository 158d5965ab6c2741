#include "bound_models.hpp"

#include <functional>
#include <map>

#include "decode_query.hpp"
#include "peewasm/errors.hpp"
#include "peewasm/schema/fields.hpp"

namespace peewasm::wasm {
namespace {

using json = Json;

using FieldFactory = Field (*)(std::string);

// The JS field classes, by name, and the core field each one is.
const std::map<std::string, FieldFactory, std::less<>>& field_factories() {
  static const std::map<std::string, FieldFactory, std::less<>> factories{
      {"AutoField", AutoField},
      {"BigAutoField", BigAutoField},
      {"IdentityField", IdentityField},
      {"IntegerField", IntegerField},
      {"BigIntegerField", BigIntegerField},
      {"SmallIntegerField", SmallIntegerField},
      {"FloatField", FloatField},
      {"DoubleField", DoubleField},
      {"DecimalField", [](std::string name) { return DecimalField(std::move(name)); }},
      {"CharField", [](std::string name) { return CharField(std::move(name)); }},
      {"FixedCharField", [](std::string name) { return FixedCharField(std::move(name)); }},
      {"TextField", TextField},
      {"BlobField", BlobField},
      {"UUIDField", UUIDField},
      {"BinaryUUIDField", BinaryUUIDField},
      {"DateTimeField", DateTimeField},
      {"DateField", DateField},
      {"TimeField", TimeField},
      {"TimestampField", TimestampField},
      {"IPField", IPField},
      {"BooleanField", BooleanField},
      {"BitField", BitField},
      {"BigBitField", BigBitField},
      {"BareField", BareField},
  };
  return factories;
}

template <class T>
void read_option(const json& spec, const char* key, Field& field, Field& (Field::*set)(T)) {
  auto found = spec.find(key);
  if (found != spec.end() && !found->is_null()) (field.*set)(found->get<std::decay_t<T>>());
}

void read_flag(const json& spec, const char* key, Field& field, Field& (Field::*set)(bool)) {
  auto found = spec.find(key);
  if (found != spec.end() && found->is_boolean()) (field.*set)(found->get<bool>());
}

Field foreign_key_from_json(const std::string& name, const json& fk) {
  std::string target = fk.at("model").get<std::string>();
  Field field = fk.value("deferred", false) ? DeferredForeignKey(name, target) : ForeignKeyField(name, target);
  read_option(fk, "toField", field, &Field::to_field);
  read_option(fk, "backref", field, &Field::backref);
  read_option(fk, "onDelete", field, &Field::on_delete);
  read_option(fk, "onUpdate", field, &Field::on_update);
  read_option(fk, "deferrable", field, &Field::deferrable);
  auto lazy = fk.find("lazyLoad");
  if (lazy != fk.end() && lazy->is_boolean()) field.lazy_load(lazy->get<bool>());
  return field;
}

// A many-to-many relation: the core checks it and generates the through model (or uses
// the one named) when the model is defined.
Field many_to_many_from_json(const std::string& name, const json& fk) {
  Field field = ManyToManyField(name, fk.at("model").get<std::string>());
  read_option(fk, "backref", field, &Field::backref);
  read_option(fk, "through", field, &Field::through_model);
  return field;
}

Field field_from_json(const std::string& model, const json& spec, ExprDecoder& decode) {
  const std::string name = spec.at("name").get<std::string>();
  const std::string type = spec.at("type").get<std::string>();
  Field field = [&] {
    if (type == "ManyToManyField") return many_to_many_from_json(name, spec.at("fk"));
    if (auto fk = spec.find("fk"); fk != spec.end()) return foreign_key_from_json(name, *fk);
    auto factory = field_factories().find(type);
    if (factory == field_factories().end()) {
      throw ImproperlyConfigured(model + "." + name + ": unknown field type " + type +
                                 "; use one of the field classes peewasm exports");
    }
    return factory->second(name);
  }();
  read_flag(spec, "null", field, &Field::null);
  read_flag(spec, "index", field, &Field::index);
  read_flag(spec, "unique", field, &Field::unique);
  read_flag(spec, "primaryKey", field, &Field::primary_key);
  read_flag(spec, "autoRound", field, &Field::auto_round);
  read_flag(spec, "utc", field, &Field::utc);
  read_flag(spec, "unindexed", field, &Field::unindexed);
  read_option(spec, "column", field, &Field::column_name);
  read_option(spec, "maxLength", field, &Field::max_length);
  read_option(spec, "maxDigits", field, &Field::max_digits);
  read_option(spec, "decimalPlaces", field, &Field::decimal_places);
  read_option(spec, "resolution", field, &Field::resolution);
  read_option(spec, "collation", field, &Field::collation);
  read_option(spec, "sequence", field, &Field::sequence);
  read_option(spec, "indexType", field, &Field::index_type);
  read_option(spec, "formats", field, &Field::formats);
  if (auto constraints = spec.find("constraints"); constraints != spec.end()) {
    field.constraints(decode.exprs(*constraints));
  }
  return field;
}

Meta meta_from_json(const json& spec, ExprDecoder& decode, Database& db) {
  Meta meta;
  meta.database = &db;
  if (auto table = spec.find("table"); table != spec.end() && table->is_string()) meta.table_name = table->get<std::string>();
  if (auto pk = spec.find("primaryKey"); pk != spec.end()) {
    if (pk->is_boolean() && !pk->get<bool>()) meta.primary_key = NoPrimaryKey{};
    if (pk->is_array()) meta.primary_key = CompositeKey{pk->get<std::vector<std::string>>()};
  }
  if (auto indexes = spec.find("indexes"); indexes != spec.end()) {
    std::vector<IndexSpec> list;
    for (const json& index : *indexes) {
      list.push_back({index.at("fields").get<std::vector<std::string>>(), index.value("unique", false)});
    }
    meta.indexes = std::move(list);
  }
  if (auto constraints = spec.find("constraints"); constraints != spec.end()) meta.constraints = decode.exprs(*constraints);
  if (auto legacy = spec.find("legacyTableNames"); legacy != spec.end()) meta.legacy_table_names = legacy->get<bool>();
  if (auto strict = spec.find("strictTables"); strict != spec.end()) meta.strict_tables = strict->get<bool>();
  if (auto temporary = spec.find("temporary"); temporary != spec.end()) meta.temporary = temporary->get<bool>();
  if (auto dirty = spec.find("onlySaveDirty"); dirty != spec.end()) meta.only_save_dirty = dirty->get<bool>();
  if (auto schema = spec.find("schema"); schema != spec.end()) meta.schema = schema->get<std::string>();
  if (auto settings = spec.find("tableSettings"); settings != spec.end()) {
    meta.table_settings = settings->get<std::vector<std::string>>();
  }
  meta.without_rowid = spec.value("withoutRowid", false);
  if (auto depends = spec.find("dependsOn"); depends != spec.end()) meta.depends_on = depends->get<std::vector<std::string>>();
  return meta;
}

// The other side of a relation (none when its backref is "+").
const ManyToManyRelation* backref_of(const ManyToManyRelation& relation) {
  for (const ManyToManyRelation* other : relation.rel_model->many_to_many_relations()) {
    if (other->is_backref && other->through == relation.through && other->src_fk == relation.dest_fk) return other;
  }
  return nullptr;
}

}  // namespace

json BoundModels::define(const json& spec, const std::vector<Value>& params, Database& db) {
  ExprDecoder decode(*this, params);
  ModelSpec model_spec;
  model_spec.name = spec.at("name").get<std::string>();
  for (const json& field : spec.at("fields")) model_spec.fields.push_back(field_from_json(model_spec.name, field, decode));
  model_spec.meta = meta_from_json(spec, decode, db);
  const Model model = registry_.define(std::move(model_spec));
  json description = describe(add(model));

  // Its many-to-many relations, with the through models the core generated for them.
  json relations = json::array();
  for (const ManyToManyRelation* relation : model.meta().many_to_many_relations()) {
    if (relation->is_backref) continue;
    const bool generated = !ids_.contains(relation->through);
    const std::size_t through = generated ? add(Model(*relation->through)) : id_of(*relation->through);
    json entry{{"name", relation->name}, {"through", describe(through)}, {"generated", generated}};
    if (const ManyToManyRelation* backref = backref_of(*relation)) entry["backref"] = backref->name;
    relations.push_back(std::move(entry));
  }
  description["manyToMany"] = std::move(relations);
  return description;
}

std::size_t BoundModels::add(const Model& model) {
  const std::size_t id = models_.size();
  models_.push_back(model);
  ids_.emplace(&model.meta(), id);
  return id;
}

json BoundModels::describe(std::size_t id) const {
  const Metadata& meta = models_[id].meta();
  json fields = json::array();
  for (const Field* field : meta.sorted_fields()) {
    json entry{{"name", field->name()}, {"column", field->column_name()}};
    if (field->is_foreign_key() && field->is_resolved()) {
      entry["rel"] = field->rel_model().name();
      entry["relField"] = field->rel_field().name();
      entry["objectIdName"] = field->object_id_name();
      entry["backref"] = field->backref_name();
    }
    fields.push_back(std::move(entry));
  }
  json primary_key = json::array();
  for (const Field* field : meta.primary_key_fields()) primary_key.push_back(field->name());
  return {{"id", id},
          {"name", meta.name()},
          {"table", meta.table_name()},
          {"fields", std::move(fields)},
          {"primaryKey", std::move(primary_key)},
          {"autoIncrement", meta.auto_increment()}};
}

const Model& BoundModels::model(std::size_t id) const {
  if (id >= models_.size()) {
    throw InterfaceError("model #" + std::to_string(id) + " is not bound to this database; bind it first");
  }
  return models_[id];
}

std::size_t BoundModels::id_of(const Metadata& meta) const {
  auto found = ids_.find(&meta);
  if (found == ids_.end()) throw InterfaceError("model " + meta.name() + " is not bound to this database");
  return found->second;
}

}  // namespace peewasm::wasm
