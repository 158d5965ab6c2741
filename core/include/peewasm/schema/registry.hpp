#pragma once
// ModelRegistry: defines models at run time and owns their metadata. Models may reference
// each other by name; a DeferredForeignKey resolves when its target is defined.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model.hpp"

namespace peewasm {

struct ModelSpec {
  std::string name;
  std::vector<Field> fields;
  Meta meta;
  Model extends;  // inherit fields and inheritable Meta options from this model
};

class ModelRegistry {
 public:
  ModelRegistry() = default;
  ModelRegistry(const ModelRegistry&) = delete;
  ModelRegistry& operator=(const ModelRegistry&) = delete;

  Model define(ModelSpec spec);
  Model get(std::string_view name) const;  // ImproperlyConfigured when unknown
  std::optional<Model> find(std::string_view name) const;
  std::vector<Model> models() const;

 private:
  Metadata* find_meta(std::string_view name) const;
  void resolve_foreign_key(Metadata& meta, Field& field);
  void link_foreign_key(Field& field, const Metadata& target);
  // ManyToManyField: the models it joins, checked before the model is registered.
  struct ManyToManyModels {
    const Metadata* rel_model;  // nullptr: the model being defined ("self")
    const Metadata* through;    // nullptr: generate one
  };
  ManyToManyModels many_to_many_models(const std::string& model_name, const Field& field) const;
  void define_many_to_many(Metadata& meta, const Field& field, ManyToManyModels models);

  std::vector<std::unique_ptr<Metadata>> models_;
  int next_declaration_order_ = 0;
};

}  // namespace peewasm
