#include "peewasm/schema/registry.hpp"

#include <algorithm>

#include "peewasm/schema/fields.hpp"

namespace peewasm {

namespace {

// Peewee's Meta inheritance: inheritable options the child leaves unset come from the parent.
Meta inherited_meta(const Meta& own, const Meta& parent) {
  Meta meta = own;
  if (!meta.database) meta.database = parent.database;
  if (!meta.table_function) meta.table_function = parent.table_function;
  if (!meta.indexes) meta.indexes = parent.indexes;
  if (!meta.primary_key) meta.primary_key = parent.primary_key;
  if (!meta.constraints) meta.constraints = parent.constraints;
  if (!meta.schema) meta.schema = parent.schema;
  if (!meta.only_save_dirty) meta.only_save_dirty = parent.only_save_dirty;
  if (!meta.temporary) meta.temporary = parent.temporary;
  if (!meta.legacy_table_names) meta.legacy_table_names = parent.legacy_table_names;
  if (!meta.strict_tables) meta.strict_tables = parent.strict_tables;
  if (!meta.table_settings) meta.table_settings = parent.table_settings;
  return meta;
}

std::string default_column_name(const Field& field) {
  if (!field.is_foreign_key()) return field.name();
  const std::string& name = field.name();
  bool ends_with_id = name.size() >= 3 && name.compare(name.size() - 3, 3, "_id") == 0;
  return ends_with_id ? name : name + "_id";
}

}  // namespace

Model ModelRegistry::define(ModelSpec spec) {
  if (spec.name.empty()) throw ImproperlyConfigured("a model needs a name");
  if (find_meta(spec.name)) {
    throw ImproperlyConfigured("a model named " + spec.name + " is already defined; pick another name");
  }
  // ManyToManyFields add no column: they are set aside and bound once the model exists.
  std::vector<Field> many_to_many;
  std::vector<ManyToManyModels> many_to_many_targets;
  for (auto field = spec.fields.begin(); field != spec.fields.end();) {
    if (!field->is_many_to_many()) {
      ++field;
      continue;
    }
    many_to_many_targets.push_back(many_to_many_models(spec.name, *field));
    many_to_many.push_back(std::move(*field));
    field = spec.fields.erase(field);
  }
  const Metadata* parent = spec.extends ? &spec.extends.meta() : nullptr;
  Meta options = parent ? inherited_meta(spec.meta, parent->meta_) : spec.meta;
  auto owned = std::make_unique<Metadata>(spec.name, options);
  Metadata& meta = *owned;
  meta.parent_ = parent;

  // Inherited fields come first: they were declared before this model's own fields.
  if (parent) {
    for (const Field* field : parent->sorted_fields()) {
      bool overridden = std::any_of(spec.fields.begin(), spec.fields.end(),
                                    [&](const Field& own) { return own.name() == field->name(); });
      if (overridden) continue;
      Field copy = *field;
      copy.model_ = nullptr;
      copy.rel_model_ = nullptr;
      copy.rel_field_ = nullptr;
      meta.add_field(std::move(copy));
    }
  }
  std::vector<std::string> own_names;
  for (const Field& field : spec.fields) own_names.push_back(field.name());
  bool own_primary_key = false;
  for (Field& field : spec.fields) {
    field.declaration_order_ = ++next_declaration_order_;
    own_primary_key = own_primary_key || field.options().primary_key;
    meta.add_field(std::move(field));
  }
  // A model's own primary-key field replaces an inherited one.
  if (own_primary_key && parent && parent->primary_key()) {
    const std::string& inherited = parent->primary_key()->name();
    auto& fields = meta.fields_;
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [&](const auto& f) {
                                  return f->name() == inherited && f->options().primary_key &&
                                         std::find(own_names.begin(), own_names.end(), inherited) == own_names.end();
                                }),
                 fields.end());
  }

  // The primary key: a field marked primary_key, Meta.primary_key, or an implicit "id".
  const PrimaryKeySpec* pk_spec = options.primary_key ? &*options.primary_key : nullptr;
  bool has_pk_field = std::any_of(meta.fields_.begin(), meta.fields_.end(),
                                  [](const auto& f) { return f->options().primary_key; });
  if (!has_pk_field && !pk_spec) {
    Field id = AutoField("id");
    id.declaration_order_ = 0;
    meta.add_field(std::move(id));
  }
  for (auto& field : meta.fields_) {
    if (field->options_.column_name.empty()) field->options_.column_name = default_column_name(*field);
    if (field->is_foreign_key()) {
      field->object_id_name_ = field->column_name() == field->name() ? field->name() + "_id" : field->column_name();
    }
  }
  meta.finalize_fields();

  if (pk_spec && std::holds_alternative<CompositeKey>(*pk_spec)) {
    for (const std::string& name : std::get<CompositeKey>(*pk_spec).field_names) {
      meta.primary_key_fields_.push_back(&meta.field(name));
    }
  } else if (!pk_spec) {
    for (const Field* field : meta.sorted_fields()) {
      if (field->options().primary_key) {
        meta.primary_key_ = field;
        meta.primary_key_fields_ = {field};
        break;
      }
    }
    meta.auto_increment_ = meta.primary_key_ && meta.primary_key_->is_auto_increment();
  }

  if (options.table_name) {
    meta.table_name_ = *options.table_name;
  } else if (options.table_function) {
    meta.table_name_ = options.table_function(meta.name());
  } else {
    meta.table_name_ = make_table_name(meta.name(), options.legacy_table_names.value_or(true));
  }

  models_.push_back(std::move(owned));
  try {
    for (auto& field : meta.fields_) {
      if (field->is_foreign_key()) resolve_foreign_key(meta, *field);
    }
  } catch (...) {
    // A key that cannot resolve leaves no half-defined model, and no backref to it elsewhere.
    for (auto& other : models_) {
      std::erase_if(other->backrefs_, [&](const Field* fk) { return &fk->model() == &meta; });
    }
    models_.pop_back();
    throw;
  }
  // Deferred foreign keys elsewhere that were waiting for this model.
  for (auto& other : models_) {
    for (auto& field : other->fields_) {
      if (field->is_foreign_key() && !field->is_resolved() && field->foreign_key().model == meta.name()) {
        link_foreign_key(*field, meta);
      }
    }
  }
  for (std::size_t i = 0; i < many_to_many.size(); ++i) define_many_to_many(meta, many_to_many[i], many_to_many_targets[i]);
  return Model(meta);
}

void ModelRegistry::resolve_foreign_key(Metadata& meta, Field& field) {
  const std::string& target = field.foreign_key().model;
  if (target == "self" || target == meta.name()) {
    link_foreign_key(field, meta);
  } else if (Metadata* found = find_meta(target)) {
    link_foreign_key(field, *found);
  } else if (!field.foreign_key().deferred) {
    throw ImproperlyConfigured("ForeignKeyField " + field.qualified_name() + " references model '" + target +
                               "', which is not defined; define " + target +
                               " first, or use DeferredForeignKey for a model defined later");
  }
}

void ModelRegistry::link_foreign_key(Field& field, const Metadata& target) {
  const Field* rel_field = nullptr;
  if (!field.foreign_key().to_field.empty()) {
    rel_field = &target.field(field.foreign_key().to_field);
  } else {
    rel_field = target.primary_key();
    if (!rel_field) {
      throw ImproperlyConfigured("ForeignKeyField " + field.qualified_name() + " references " + target.name() +
                                 ", which has no single primary key; pass to_field() naming a unique field");
    }
  }
  // A backref named like a field of the target would hide that field on its instances.
  std::string backref = field.backref_name();
  for (const Field* existing : target.sorted_fields()) {
    if (existing->name() == backref) {
      throw ImproperlyConfigured("ForeignKeyField " + field.qualified_name() + ": its backref '" + backref +
                                 "' collides with the field " + existing->qualified_name() +
                                 "; pass .backref() another name, or \"+\" for none");
    }
  }
  field.rel_model_ = &target;
  field.rel_field_ = rel_field;
  const_cast<Metadata&>(target).backrefs_.push_back(&field);
}

ModelRegistry::ManyToManyModels ModelRegistry::many_to_many_models(const std::string& model_name,
                                                                  const Field& field) const {
  const ForeignKeySpec& spec = field.foreign_key();
  ManyToManyModels models{nullptr, nullptr};
  if (spec.model != "self" && spec.model != model_name) {
    models.rel_model = find_meta(spec.model);
    if (!models.rel_model) {
      throw ImproperlyConfigured("ManyToManyField " + model_name + "." + field.name() + " references model '" +
                                 spec.model + "', which is not defined; define " + spec.model + " first");
    }
  }
  if (!spec.through_model.empty()) {
    models.through = find_meta(spec.through_model);
    if (!models.through) {
      throw ImproperlyConfigured("ManyToManyField " + model_name + "." + field.name() + " names the through model '" +
                                 spec.through_model + "', which is not defined; define it first");
    }
  } else if (!models.rel_model) {
    // Peewee would give the generated model two fields of one name.
    throw ImproperlyConfigured("ManyToManyField " + model_name + "." + field.name() + " relates " + model_name +
                               " to itself; define a through model with two foreign keys to " + model_name +
                               " and pass .through_model(\"<its name>\")");
  }
  return models;
}

namespace {

// The first foreign key of `through` to `target`, skipping `taken` (self-referential relations).
const Field* through_key(const Metadata& through, const Metadata& target, const Field* taken) {
  for (const Field* fk : through.foreign_keys()) {
    if (fk != taken && fk->is_resolved() && &fk->rel_model() == &target) return fk;
  }
  return nullptr;
}

// Throws when `name` already is a field or a many-to-many relation of `meta`.
void check_free_name(const Metadata& meta, const std::string& name, const std::string& declared, const std::string& fix) {
  if (meta.find_field(name) || meta.find_many_to_many(name)) {
    throw ImproperlyConfigured(declared + ": " + meta.name() + " already has a field or relation named '" + name + "'; " + fix);
  }
}

}  // namespace

// Peewee's ManyToManyField.bind and get_through_model: the generated model
// "<Model><Target>Through" has one foreign key per side, named after each model, and a unique
// index on the pair; the target gets the backref side, named .backref() or "<model>s".
void ModelRegistry::define_many_to_many(Metadata& meta, const Field& field, ManyToManyModels models) {
  const ForeignKeySpec& spec = field.foreign_key();
  Metadata& rel = models.rel_model ? *find_meta(models.rel_model->name()) : meta;
  std::string qualified = "ManyToManyField " + meta.name() + "." + field.name();
  std::string backref = spec.backref.empty() ? make_table_name(meta.name(), true) + "s" : spec.backref;
  check_free_name(meta, field.name(), qualified, "pick another name");
  if (backref != "+") check_free_name(rel, backref, qualified, "pass .backref() another name, or \"+\" for none");
  const Metadata* through = models.through;
  if (!through) {
    std::string lhs = make_table_name(meta.name(), true), rhs = make_table_name(rel.name(), true);
    auto foreign_key = [&](const std::string& name, const Metadata& target) {
      Field fk = ForeignKeyField(name, target.name());
      if (!spec.on_delete.empty()) fk.on_delete(spec.on_delete);
      if (!spec.on_update.empty()) fk.on_update(spec.on_update);
      return fk;
    };
    through = &define({.name = meta.name() + rel.name() + "Through",
                       .fields = {foreign_key(lhs, meta), foreign_key(rhs, rel)},
                       .meta = {.database = meta.meta_.database,
                                .table_name = meta.table_name() + "_" + rel.table_name() + "_through",
                                .indexes = std::vector<IndexSpec>{{{lhs, rhs}, true}},
                                .schema = meta.meta_.schema}})
                   .meta();
  }
  const Field* src_fk = through_key(*through, meta, nullptr);
  const Field* dest_fk = through_key(*through, rel, src_fk);
  if (!src_fk || !dest_fk) {
    throw ImproperlyConfigured(qualified + ": the through model " + through->name() + " needs a foreign key to " +
                               meta.name() + " and one to " + rel.name());
  }
  meta.many_to_many_.push_back(std::make_unique<ManyToManyRelation>(
      ManyToManyRelation{field.name(), &meta, &rel, through, src_fk, dest_fk, false}));
  if (backref == "+") return;
  rel.many_to_many_.push_back(
      std::make_unique<ManyToManyRelation>(ManyToManyRelation{backref, &rel, &meta, through, dest_fk, src_fk, true}));
}

Metadata* ModelRegistry::find_meta(std::string_view name) const {
  for (const auto& meta : models_) {
    if (meta->name() == name) return meta.get();
  }
  return nullptr;
}

std::optional<Model> ModelRegistry::find(std::string_view name) const {
  if (Metadata* meta = find_meta(name)) return Model(*meta);
  return std::nullopt;
}

Model ModelRegistry::get(std::string_view name) const {
  if (auto model = find(name)) return *model;
  throw ImproperlyConfigured("no model named " + std::string(name) + " is defined");
}

std::vector<Model> ModelRegistry::models() const {
  std::vector<Model> all;
  for (const auto& meta : models_) all.emplace_back(*meta);
  return all;
}

}  // namespace peewasm
