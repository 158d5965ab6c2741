#include "peewasm/query/select.hpp"

#include <optional>

#include "peewasm/query/cte.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/sql/node_list.hpp"

namespace peewasm {

std::string_view to_sql(JoinType type) {
  switch (type) {
    case JoinType::Inner: return "INNER";
    case JoinType::LeftOuter: return "LEFT OUTER";
    case JoinType::RightOuter: return "RIGHT OUTER";
    case JoinType::Full: return "FULL";
    case JoinType::FullOuter: return "FULL OUTER";
    case JoinType::Cross: return "CROSS";
  }
  return "INNER";
}

void JoinNode::to_sql(SqlContext& ctx) const {
  ctx.sql(lhs_).literal(" ").literal(peewasm::to_sql(type_)).literal(" JOIN ").sql(rhs_);
  if (on_) ctx.literal(" ON ").sql(on_);
}

NodePtr SelectNode::with_alias(const std::string& name) const {
  auto copy = std::make_shared<SelectNode>(*this);
  copy->alias = name;
  return copy;
}

// The query's first source takes its alias before anything else in the query is compiled, so
// its select list names it "t1" (or its own alias); every other source is named where it is
// first used, the select list first, as Peewee does.
void SelectNode::register_sources(SqlContext& ctx) const {
  const Node* root = from.get();
  while (root && root->is<JoinNode>()) root = root->as<JoinNode>().lhs().get();
  if (!root || !root->is<TableNode>()) return;
  const auto& table = root->as<TableNode>();
  if (table.explicit_alias().empty()) {
    ctx.aliases().get(root);
  } else {
    ctx.aliases().set(root, table.explicit_alias());
  }
}

void SelectNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Column) {
    ctx.entity(alias.empty() ? ctx.aliases().get_any_depth(this) : alias);
    return;
  }
  bool parentheses = ctx.state().subquery || ctx.scope() == Scope::Source;
  // EXISTS(SELECT ...): a lone function argument is already enclosed by the function.
  if (ctx.state().in_function && ctx.state().function_arg_count == 1) parentheses = false;
  bool in_function = ctx.state().in_function;
  bool in_expr = ctx.state().in_expr;
  {
    // A subquery has its own alias depth: its tables get new aliases, while references to
    // outer tables (correlated subqueries) still find the outer ones.
    std::optional<AliasManager::Scope> depth;
    if (ctx.state().subquery) depth.emplace(ctx.aliases());
    auto _ = ctx.push({.scope = Scope::Normal,
                       .parentheses = parentheses,
                       .subquery = true,
                       .in_function = false,
                       .converter = nullptr});
    if (!ctes.empty()) {
      bool recursive = false;
      for (const NodePtr& cte : ctes) recursive = recursive || cte->as<CteNode>().recursive();
      auto cte_scope = ctx.push({.scope = Scope::Cte});
      ctx.literal(recursive ? "WITH RECURSIVE " : "WITH ").sql(comma_list(ctes)).literal(" ");
    }
    register_sources(ctx);
    ctx.literal("SELECT ");
    if (distinct) ctx.literal("DISTINCT ");
    {
      auto columns_scope = ctx.push({.scope = Scope::Source});
      ctx.sql(comma_list(columns));
    }
    if (from) {
      auto from_scope = ctx.push({.scope = Scope::Source});
      ctx.literal(" FROM ").sql(from);
    }
    if (where) ctx.literal(" WHERE ").sql(where);
    if (!group_by.empty()) ctx.literal(" GROUP BY ").sql(comma_list(group_by));
    if (having) ctx.literal(" HAVING ").sql(having);
    if (!order_by.empty()) ctx.literal(" ORDER BY ").sql(comma_list(order_by));
    if (limit || offset) ctx.literal(" LIMIT ").value(limit ? *limit : Value(ctx.dialect().limit_max), nullptr, Convert::Never);
    if (offset) ctx.literal(" OFFSET ").value(*offset, nullptr, Convert::Never);
  }
  if (in_function || (in_expr && alias.empty())) return;
  if (ctx.scope() == Scope::Source) {
    if (!alias.empty()) ctx.aliases().set(this, alias);
    ctx.literal(" AS ").entity(ctx.aliases().get(this));
  }
}

}  // namespace peewasm
