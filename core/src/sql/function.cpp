#include "peewasm/sql/function.hpp"

#include <algorithm>
#include <cctype>

#include "peewasm/sql/context.hpp"
#include "peewasm/sql/node_list.hpp"

namespace peewasm {

void FunctionNode::to_sql(SqlContext& ctx) const {
  ctx.literal(name_);
  if (arguments_.empty()) {
    ctx.literal("()");
  } else {
    auto _ = ctx.push({.in_function = true, .function_arg_count = static_cast<int>(arguments_.size())});
    ctx.sql(enclosed_list(arguments_));
  }
  if (filter_) ctx.literal(" FILTER (WHERE ").sql(filter_).literal(")");
}

bool FunctionNode::coerces() const noexcept {
  std::string lower = name_;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower != "sum" && lower != "count" && lower != "cast";
}

Expr fn(std::string name, std::vector<Expr> arguments) {
  NodeVector nodes;
  nodes.reserve(arguments.size());
  for (const Expr& argument : arguments) {
    const NodePtr& node = argument.node();
    // A plain value argument is never converted by an enclosing comparison's field.
    if (node->is<ValueNode>()) {
      nodes.push_back(make_value(node->as<ValueNode>().value(), nullptr, false));
    } else {
      nodes.push_back(node);
    }
  }
  return Expr(std::make_shared<FunctionNode>(std::move(name), std::move(nodes)));
}

Expr over(const Expr& function, const Window& window) {
  NodeVector parts;
  if (!window.partition_by.empty()) {
    parts.push_back(make_literal("PARTITION BY"));
    parts.push_back(comma_list(to_nodes(window.partition_by)));
  }
  if (!window.order_by.empty()) {
    parts.push_back(make_literal("ORDER BY"));
    parts.push_back(comma_list(to_nodes(window.order_by)));
  }
  NodePtr spec = make_node_list({make_node_list(std::move(parts))}, "", true);
  return Expr(make_node_list({function.node(), make_literal("OVER"), spec}));
}

Expr filter(const Expr& function, const Expr& where) {
  const auto& node = function.node()->as<FunctionNode>();
  return Expr(std::make_shared<FunctionNode>(node.name(), node.arguments(), where.node()));
}

Expr Case(const Expr& predicate, const std::vector<std::pair<Expr, Expr>>& whens, const Expr& otherwise) {
  NodeVector parts{make_literal("CASE")};
  if (predicate.has_value()) parts.push_back(predicate.node());
  for (const auto& [when, then] : whens) {
    parts.insert(parts.end(), {make_literal("WHEN"), when.node(), make_literal("THEN"), then.node()});
  }
  if (otherwise.has_value()) parts.insert(parts.end(), {make_literal("ELSE"), otherwise.node()});
  parts.push_back(make_literal("END"));
  return Expr(make_node_list(std::move(parts)));
}

}  // namespace peewasm
