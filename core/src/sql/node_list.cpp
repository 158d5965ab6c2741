#include "peewasm/sql/node_list.hpp"

#include "peewasm/sql/context.hpp"

namespace peewasm {

void NodeList::to_sql(SqlContext& ctx) const {
  if (nodes_.empty()) {
    if (parens_) ctx.literal("()");
    return;
  }
  auto _ = ctx.push({.parentheses = parens_, .sole_enclosed = parens_ && nodes_.size() == 1});
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (i > 0) ctx.literal(glue_);
    ctx.sql(nodes_[i]);
  }
}

NodePtr make_node_list(NodeVector nodes, std::string glue, bool parens) {
  return std::make_shared<NodeList>(std::move(nodes), std::move(glue), parens);
}

NodePtr comma_list(NodeVector nodes) { return make_node_list(std::move(nodes), ", "); }

NodePtr enclosed_list(NodeVector nodes) { return make_node_list(std::move(nodes), ", ", true); }

}  // namespace peewasm
