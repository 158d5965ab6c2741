#pragma once
// Peewee's legacy prefetch(): a flat list of queries whose relations are inferred from the
// foreign keys between them. Each query runs once, restricted to the rows of the query it
// relates to (the nearest one listed before it), and its rows are attached to those rows.
//   prefetch(User.select(), {Tweet.select(), {Favorite.select(), User}})

#include <vector>

#include "peewasm/loading/load.hpp"

namespace peewasm {

// One subquery of prefetch(): a query, a model (all its rows), or Peewee's (query, Model)
// tuple, which relates the query to the listed query of that model when several qualify.
class PrefetchSubquery {
 public:
  PrefetchSubquery(const ModelSelect& query) : query_(query) {}
  PrefetchSubquery(const Model& model) : query_(model.select()) {}
  PrefetchSubquery(const ModelSelect& query, const Model& target) : query_(query), target_(&target.meta()) {}

  const ModelSelect& query() const noexcept { return query_; }
  const Metadata* target() const noexcept { return target_; }

 private:
  ModelSelect query_;
  const Metadata* target_ = nullptr;
};

// The rows of `query`, each with the subqueries' rows attached (backrefs as lists, foreign keys
// as related instances). Strategies WHERE and JOIN; MATERIALIZE needs the parent rows before
// the child query runs, which only with_related() has, so it is refused.
std::vector<Instance> prefetch(const ModelSelect& query, const std::vector<PrefetchSubquery>& subqueries,
                               PrefetchType type = PrefetchType::Where);

}  // namespace peewasm
