#include "peewasm/loading/eager_loader.hpp"

#include "attach.hpp"
#include "restriction.hpp"

namespace peewasm {

void load_related(const ModelSelect& query, std::vector<Instance>& rows) {
  const auto& loads = query.node().loads;
  for (std::size_t index = 0; index < loads.size(); ++index) {
    const Load& load = *loads[index];
    std::optional<ModelSelect> related = restrict_to_parents(load, query, rows);
    if (related && load.options().per_parent) related = rank_per_parent(load, *related, index);
    // execute() runs the relation query's own loads in turn, with it as their parent query.
    std::vector<Instance> loaded = related ? related->execute() : std::vector<Instance>{};
    attach(load, rows, loaded);
  }
}

}  // namespace peewasm
