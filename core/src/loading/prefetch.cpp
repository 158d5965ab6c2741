#include "peewasm/loading/prefetch.hpp"

#include <string>
#include <utility>

#include "attach.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/metadata.hpp"
#include "restriction.hpp"

namespace peewasm {

namespace {

// The foreign keys declared on `from` that point at `to`.
std::vector<const Field*> foreign_keys(const Metadata& from, const Metadata& to) {
  std::vector<const Field*> fks;
  for (const Field* fk : from.foreign_keys()) {
    if (fk->is_resolved() && &fk->rel_model() == &to) fks.push_back(fk);
  }
  return fks;
}

std::string names(const std::vector<const Field*>& fields) {
  std::string out;
  for (const Field* field : fields) out += (out.empty() ? "" : ", ") + field->qualified_name();
  return out;
}

struct Link {
  std::size_t parent;  // index of the listed query the subquery hangs from
  Load load;
};

// Peewee's rule: walk back from the nearest listed query to the first, and take the first one
// the subquery's model has a foreign key to (its rows are a backref list there) or from (its
// rows are the related instance of a foreign key there), of the target model if one is given.
Link link(const std::vector<ModelSelect>& listed, const PrefetchSubquery& sub, PrefetchType type) {
  const Metadata& model = *sub.query().node().model;
  std::string candidates;
  for (std::size_t j = listed.size(); j-- > 0;) {
    const Metadata& parent = *listed[j].node().model;
    candidates = parent.name() + (candidates.empty() ? "" : ", ") + candidates;
    if (sub.target() && sub.target() != &parent) continue;
    std::vector<const Field*> fks = foreign_keys(model, parent);
    bool backref = !fks.empty();
    if (!backref) fks = foreign_keys(parent, model);
    if (fks.empty()) continue;
    if (fks.size() > 1) {
      throw ImproperlyConfigured("prefetch(): " + model.name() + " and " + parent.name() +
                                 " are linked by more than one foreign key (" + names(fks) +
                                 "), so prefetch() cannot tell which to follow; use with_related() with a Load() "
                                 "naming one");
    }
    const Field& fk = *fks.front();
    std::string relation = backref ? fk.backref_name() : fk.name();
    if (relation.empty()) {
      throw ImproperlyConfigured("prefetch(): " + fk.qualified_name() + " has no backref (backref \"+\"), so " +
                                 model.name() + " rows have nowhere to go on " + parent.name() +
                                 "; give the foreign key a backref name");
    }
    return {j, Load(Model(parent, listed[j].node().model_source), relation, sub.query(), {.strategy = type})};
  }
  if (sub.target()) {
    throw ImproperlyConfigured("prefetch(): (" + model.name() + " query, " + sub.target()->name() +
                               "): no query of " + sub.target()->name() + " listed before it is linked to " +
                               model.name() + " by a foreign key");
  }
  throw ImproperlyConfigured("prefetch(): " + model.name() + " has no foreign key to or from the models listed before it (" +
                             candidates + "); list a query of the model it relates to first");
}

}  // namespace

std::vector<Instance> prefetch(const ModelSelect& query, const std::vector<PrefetchSubquery>& subqueries,
                               PrefetchType type) {
  if (type == PrefetchType::Materialize) {
    throw ImproperlyConfigured(
        "PREFETCH_TYPE.MATERIALIZE is not supported by prefetch(). Use Model.select().with_related() with a Load() "
        "node instead.");
  }
  std::vector<ModelSelect> queries{query};
  std::vector<Link> links;
  for (const PrefetchSubquery& sub : subqueries) {
    Link linked = link(queries, sub, type);
    queries.push_back(*restrict_to_parents(linked.load, queries[linked.parent], {}));
    links.push_back(std::move(linked));
  }
  // Deepest first, as Peewee runs them; each query embeds the ones before it, so the order
  // shows only in the query log.
  std::vector<std::vector<Instance>> rows(queries.size());
  for (std::size_t i = queries.size(); i-- > 0;) rows[i] = queries[i].execute();
  for (std::size_t i = 0; i < links.size(); ++i) attach(links[i].load, rows[links[i].parent], rows[i + 1]);
  return rows.front();
}

std::vector<Instance> ModelSelect::prefetch(const std::vector<PrefetchSubquery>& subqueries, PrefetchType type) const {
  return peewasm::prefetch(*this, subqueries, type);
}

}  // namespace peewasm
