#pragma once
// BoundModels: the models JS has bound to one database. A JS model class sends its metadata
// once, as a JSON spec (see wasm/js/model.ts, specOf()); afterwards queries refer to it by the
// small integer id define() returned. Each Database has its own registry, so two databases
// may bind models of the same name.
//
// Spec: {name, table?, fields: [{name, type, null?, unique?, index?, primaryKey?, column?,
//        maxLength?, maxDigits?, decimalPlaces?, autoRound?, formats?, resolution?, utc?,
//        collation?, sequence?, indexType?, unindexed?, constraints?: [expr],
//        fk?: {model, toField?, backref?, onDelete?, onUpdate?, deferrable?, lazyLoad?, deferred?}}],
//        (type "ManyToManyField": fk: {model, backref?, through?: the through model's name})
//        primaryKey?: false | [field names], indexes?: [{fields, unique}], constraints?: [expr],
//        legacyTableNames?, withoutRowid?, strictTables?, temporary?, schema?, onlySaveDirty?,
//        tableSettings?: [text], dependsOn?: [model names]}
// (expressions in the JSON form decode_query.hpp reads).

#include <string>
#include <unordered_map>
#include <vector>

#include "json.hpp"
#include "peewasm/schema/registry.hpp"
#include "peewasm/value.hpp"

namespace peewasm {
class Database;
}

namespace peewasm::wasm {

class BoundModels {
 public:
  BoundModels() = default;
  BoundModels(const BoundModels&) = delete;
  BoundModels& operator=(const BoundModels&) = delete;

  // Defines the model on `db`. -> its description for JS:
  // {id, name, table, fields: [{name, column, (foreign keys:) rel, relField, objectIdName,
  //  backref}] in the core's order (instances store values by that position),
  //  primaryKey: [names], autoIncrement,
  //  manyToMany: [{name, backref? (absent for "+"), through: its description, generated}]}
  // A through model the core generated is bound here too, under the id its description has.
  Json define(const Json& spec, const std::vector<Value>& params, Database& db);

  // By the id define() returned; InterfaceError for an id this database never gave out.
  const Model& model(std::size_t id) const;
  std::size_t id_of(const Metadata& meta) const;

 private:
  std::size_t add(const Model& model);
  Json describe(std::size_t id) const;

  ModelRegistry registry_;
  std::vector<Model> models_;
  std::unordered_map<const Metadata*, std::size_t> ids_;
};

}  // namespace peewasm::wasm
