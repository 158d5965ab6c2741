#include "peewasm/loading/load.hpp"

#include <memory>

#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model.hpp"

namespace peewasm {

std::string_view to_string(PrefetchType type) {
  switch (type) {
    case PrefetchType::Where: return "PREFETCH_TYPE.WHERE";
    case PrefetchType::Join: return "PREFETCH_TYPE.JOIN";
    case PrefetchType::Materialize: return "PREFETCH_TYPE.MATERIALIZE";
  }
  return "PREFETCH_TYPE.WHERE";
}

namespace {
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "(none)" : out;
}
}  // namespace

Load::Relation Load::resolve(const Model& model, const std::string& relation) {
  const Metadata& meta = model.meta();
  if (const Field* field = meta.find_field(relation); field && field->is_foreign_key()) return {field, false};
  if (const Field* fk = meta.find_backref(relation)) return {fk, true};
  std::vector<std::string> fks, backrefs;
  for (const Field* field : meta.foreign_keys()) fks.push_back(field->name());
  for (const Field* field : meta.backrefs()) {
    if (!field->backref_name().empty()) backrefs.push_back(field->backref_name());
  }
  throw ImproperlyConfigured("Load(" + meta.name() + ", \"" + relation + "\"): " + meta.name() +
                             " has no foreign key or backref named '" + relation + "'; its foreign keys are: " +
                             joined(fks) + "; its backrefs are: " + joined(backrefs));
}

Load::Load(const Model& model, std::string relation, LoadOptions options)
    : Load(resolve(model, relation), relation, std::nullopt, options) {}

Load::Load(const Model& model, std::string relation, ModelSelect query, LoadOptions options)
    : Load(resolve(model, relation), relation, std::move(query), options) {}

Load::Load(Relation relation, const std::string& name, std::optional<ModelSelect> query, LoadOptions options)
    : fk_(relation.first),
      backref_(relation.second),
      name_(name),
      query_(query ? std::move(*query) : Model(backref_ ? fk_->model() : fk_->rel_model()).select()),
      options_(options) {
  if (query_.node().model != &related()) {
    throw ImproperlyConfigured(describe() + ": the relation query selects " + query_.node().model->name() +
                               " rows, but " + parent().name() + "." + name_ + " holds " + related().name() +
                               " rows; pass a " + related().name() + " query");
  }
  check_per_parent();
}

void Load::check_per_parent() const {
  if (!options_.per_parent) return;
  std::int64_t n = *options_.per_parent;
  if (!backref_) {
    throw ImproperlyConfigured(describe() + ": per_parent applies to backrefs (one-to-many) only; " +
                               fk_->qualified_name() + " loads one " + related().name() + " per " + parent().name() +
                               ", so leave per_parent out");
  }
  if (n < 1) {
    throw ImproperlyConfigured(describe() + ": per_parent must be a whole number of at least 1 (it keeps the first n " +
                               related().name() + " rows of each " + parent().name() + "), not " + std::to_string(n));
  }
  if (!related().primary_key()) {
    throw ImproperlyConfigured(describe() + ": per_parent ranks " + related().name() +
                               " rows by a single primary key, and " + related().name() +
                               " has a composite key or none; load all rows (no per_parent) instead");
  }
}

Load Load::with_related(std::vector<Load> loads) const {
  Load nested = *this;
  nested.query_ = query_.with_related(std::move(loads));
  return nested;
}

const Metadata& Load::parent() const { return backref_ ? fk_->rel_model() : fk_->model(); }

const Metadata& Load::related() const { return backref_ ? fk_->model() : fk_->rel_model(); }

std::string Load::describe() const { return "Load(" + parent().name() + ", \"" + name_ + "\")"; }

ModelSelect ModelSelect::with_related(std::vector<Load> loads) const {
  for (const Load& load : loads) {
    if (&load.parent() != node_->model) {
      throw ImproperlyConfigured(node_->model->name() + ".select().with_related(" + load.describe() +
                                 "): the load starts from " + load.parent().name() + ", but the query returns " +
                                 node_->model->name() + " rows");
    }
  }
  return with([&](SelectNode& n) {
    for (Load& load : loads) n.loads.push_back(std::make_shared<const Load>(std::move(load)));
  });
}

}  // namespace peewasm
