#pragma once
// A Load's relation query restricted to the parents already fetched, by its strategy, and
// ranked per parent when per_parent is set. The SQL is Peewee 4's, byte for byte.

#include <cstddef>
#include <optional>
#include <vector>

#include "peewasm/loading/load.hpp"

namespace peewasm {

// The query that loads `load`'s rows for the parents `parent_query` returned (`parents`, the
// instances it returned, are read by PrefetchType::Materialize only). nullopt when there is
// nothing to ask for: Materialize with no parent keys.
std::optional<ModelSelect> restrict_to_parents(const Load& load, const ModelSelect& parent_query,
                                               const std::vector<Instance>& parents);

// restricted (from restrict_to_parents) cut to load.options().per_parent rows per parent:
//   WITH "_load_ranked_<index>" AS (SELECT pk, ROW_NUMBER() OVER (PARTITION BY fk ORDER BY
//   MAX(<order>)) AS "_rn" FROM <restricted> GROUP BY pk, fk) SELECT <relation columns> FROM
//   <relation sources> INNER JOIN "_load_ranked_<index>" ON (pk = ranked.pk)
//   WHERE (ranked._rn <= ?) ORDER BY ranked._rn
ModelSelect rank_per_parent(const Load& load, const ModelSelect& restricted, std::size_t index);

}  // namespace peewasm
