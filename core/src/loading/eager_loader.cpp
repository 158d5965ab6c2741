#include "peewasm/loading/eager_loader.hpp"

#include <string>

#include "attach.hpp"
#include "peewasm/errors.hpp"
#include "peewasm/schema/metadata.hpp"
#include "restriction.hpp"

namespace peewasm {

std::optional<ModelSelect> load_query(const ModelSelect& query, std::size_t index, const std::vector<Instance>& parents) {
  const auto& loads = query.node().loads;
  if (index >= loads.size()) {
    throw InterfaceError("load_query(): the " + query.node().model->name() + " query has " + std::to_string(loads.size()) +
                         " Load(s) from with_related(), no Load #" + std::to_string(index));
  }
  const Load& load = *loads[index];
  std::optional<ModelSelect> related = restrict_to_parents(load, query, parents);
  if (related && load.options().per_parent) related = rank_per_parent(load, *related, index);
  return related;
}

void load_related(const ModelSelect& query, std::vector<Instance>& rows) {
  const auto& loads = query.node().loads;
  for (std::size_t index = 0; index < loads.size(); ++index) {
    std::optional<ModelSelect> related = load_query(query, index, rows);
    // execute() runs the relation query's own loads in turn, with it as their parent query.
    std::vector<Instance> loaded = related ? related->execute() : std::vector<Instance>{};
    attach(*loads[index], rows, loaded);
  }
}

}  // namespace peewasm
