#pragma once
// Runs a query's with_related() loads: one query per Load, its rows bucketed by key and handed
// to the parents (nested loads run the same way under their parent load).

#include <cstddef>
#include <optional>
#include <vector>

#include "peewasm/query/select.hpp"

namespace peewasm {

// Loads every relation `query` asked for with with_related() onto `rows`, the instances the
// query returned. ModelSelect::execute() calls it; nothing to do without loads.
void load_related(const ModelSelect& query, std::vector<Instance>& rows);

// The query that loads query.node().loads[index] for the rows `query` returns: restricted to
// them by the load's strategy, ranked when per_parent is set. `parents`, those rows, are read
// by PrefetchType::Materialize only. nullopt when there is nothing to ask for (Materialize
// without parent keys).
std::optional<ModelSelect> load_query(const ModelSelect& query, std::size_t index, const std::vector<Instance>& parents);

}  // namespace peewasm
