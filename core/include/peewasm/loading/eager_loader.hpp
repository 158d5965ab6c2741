#pragma once
// Runs a query's with_related() loads: one query per Load, its rows bucketed by key and handed
// to the parents (nested loads run the same way under their parent load).

#include <vector>

#include "peewasm/query/select.hpp"

namespace peewasm {

// Loads every relation `query` asked for with with_related() onto `rows`, the instances the
// query returned. ModelSelect::execute() calls it; nothing to do without loads.
void load_related(const ModelSelect& query, std::vector<Instance>& rows);

}  // namespace peewasm
