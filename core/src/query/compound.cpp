#include "peewasm/query/compound.hpp"

#include "peewasm/result/row_plan.hpp"
#include "peewasm/result/rows.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/sql/column.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/sql/node_list.hpp"

namespace peewasm {

// Peewee's CompoundSelectQuery on SQLite: the parts are never parenthesized (SQLite refuses
// that), the right-hand part takes a new alias depth, and ORDER BY names columns unqualified.
void CompoundSelectNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Column) {
    ctx.entity(alias.empty() ? ctx.aliases().get_any_depth(this) : alias);
    return;
  }
  bool in_source = ctx.scope() == Scope::Source;
  {
    auto _ = ctx.push({.parentheses = ctx.state().subquery || in_source});
    {
      auto lhs_state = ctx.push({.scope = Scope::Normal, .subquery = false});
      ctx.sql(lhs);
    }
    ctx.literal(" ").literal(op).literal(" ");
    {
      AliasManager::Scope depth(ctx.aliases());
      auto rhs_state = ctx.push({.scope = Scope::Normal, .subquery = false});
      ctx.sql(rhs);
    }
    auto values = ctx.push({.scope = Scope::Values});
    if (!order_by.empty()) ctx.literal(" ORDER BY ").sql(comma_list(order_by));
    if (limit || offset) ctx.literal(" LIMIT ").value(limit ? *limit : Value(ctx.dialect().limit_max), nullptr, Convert::Never);
    if (offset) ctx.literal(" OFFSET ").value(*offset, nullptr, Convert::Never);
  }
  if (in_source) {
    if (!alias.empty()) ctx.aliases().set(this, alias);
    ctx.literal(" AS ").entity(ctx.aliases().get(this));
  }
}

NodePtr CompoundSelectNode::with_alias(const std::string& name) const {
  auto copy = std::make_shared<CompoundSelectNode>(*this);
  copy->alias = name;
  return copy;
}

const SelectNode& CompoundSelectNode::leftmost() const {
  const Node* node = lhs.get();
  while (node->is<CompoundSelectNode>()) node = node->as<CompoundSelectNode>().lhs.get();
  return node->as<SelectNode>();
}

CompoundSelect::CompoundSelect(NodePtr lhs, std::string op, NodePtr rhs)
    : node_(std::make_shared<CompoundSelectNode>(std::move(lhs), std::move(op), std::move(rhs))) {}

CompoundSelect CompoundSelect::order_by(std::vector<Expr> ordering) const {
  return with([&](CompoundSelectNode& n) { n.order_by = to_nodes(ordering); });
}

CompoundSelect CompoundSelect::limit(std::int64_t n) const {
  return with([&](CompoundSelectNode& node) { node.limit = Value(n); });
}

CompoundSelect CompoundSelect::offset(std::int64_t n) const {
  return with([&](CompoundSelectNode& node) { node.offset = Value(n); });
}

CompoundSelect CompoundSelect::alias(std::string name) const {
  return with([&](CompoundSelectNode& n) { n.alias = std::move(name); });
}

Expr CompoundSelect::c(std::string column) const { return Expr(std::make_shared<ColumnNode>(node_, std::move(column))); }

ModelSelect CompoundSelect::select_from(std::vector<Expr> columns) const {
  if (columns.empty()) throw ProgrammingError("CompoundSelect.select_from(): name at least one column, e.g. union.c(\"id\")");
  return ModelSelect::over(node_, node().leftmost().model, std::move(columns));
}

CompiledSql CompoundSelect::sql() const { return compile(*node_); }

Database& CompoundSelect::database() const { return node().leftmost().model->bound_database(); }

std::vector<Instance> CompoundSelect::execute() const {
  return read_instances(database(), sql(), RowPlan(node().leftmost()));
}

std::vector<DictRow> CompoundSelect::dicts() const {
  return read_dicts(database(), sql(), RowPlan(node().leftmost()));
}

std::vector<std::vector<Value>> CompoundSelect::tuples() const {
  return read_tuples(database(), sql(), RowPlan(node().leftmost()));
}

CompoundSelect ModelSelect::union_(const ModelSelect& rhs) const { return {node_, "UNION", rhs.node_}; }
CompoundSelect ModelSelect::union_all(const ModelSelect& rhs) const { return {node_, "UNION ALL", rhs.node_}; }
CompoundSelect ModelSelect::intersect(const ModelSelect& rhs) const { return {node_, "INTERSECT", rhs.node_}; }
CompoundSelect ModelSelect::except_(const ModelSelect& rhs) const { return {node_, "EXCEPT", rhs.node_}; }

}  // namespace peewasm
