#include "peewasm/query/cte.hpp"

#include "peewasm/query/compound.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/sql/column.hpp"
#include "peewasm/sql/context.hpp"

namespace peewasm {

void CteNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() != Scope::Cte) {
    ctx.entity(name_);
    return;
  }
  AliasManager::Scope depth(ctx.aliases());
  ctx.aliases().set(this, name_);
  ctx.entity(name_);
  if (!columns_.empty()) {
    ctx.literal(" (");
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) ctx.literal(", ");
      ctx.entity(columns_[i]);
    }
    ctx.literal(")");
  }
  ctx.literal(" AS (");
  {
    auto _ = ctx.push({.scope = Scope::Normal, .subquery = false});
    ctx.sql(query_);
  }
  ctx.literal(")");
}

Cte::Cte(std::string name, NodePtr query, const Metadata* model, bool recursive, std::vector<std::string> columns)
    : node_(std::make_shared<CteNode>(std::move(name), std::move(query), recursive, std::move(columns))), model_(model) {}

Expr Cte::c(std::string column) const { return Expr(std::make_shared<ColumnNode>(node_, std::move(column))); }

Cte Cte::with_compound(std::string op, const ModelSelect& rhs) const {
  CompoundSelect compound(node_->query(), std::move(op), rhs.node_ptr());
  return Cte(node_->name(), compound.node_ptr(), model_, node_->recursive(), node_->columns());
}

Cte Cte::union_all(const ModelSelect& rhs) const { return with_compound("UNION ALL", rhs); }
Cte Cte::union_(const ModelSelect& rhs) const { return with_compound("UNION", rhs); }

ModelSelect Cte::select_from(std::vector<Expr> columns) const {
  if (columns.empty()) {
    throw ProgrammingError("CTE \"" + node_->name() + "\".select_from(): name at least one column, e.g. cte.c(\"id\")");
  }
  auto select = std::make_shared<SelectNode>();
  select->model = model_;
  select->model_source = node_;
  select->from = node_;
  select->join_context = node_;
  select->columns = to_nodes(columns);
  select->ctes = {node_};
  return ModelSelect(std::move(select));
}

JoinSource::JoinSource(const Cte& cte) : source_(cte.node()) {}

Expr ModelSelect::c(std::string column) const { return Expr(std::make_shared<ColumnNode>(node_, std::move(column))); }

Cte ModelSelect::cte(std::string name, bool recursive, std::vector<std::string> columns) const {
  return Cte(std::move(name), node_, node_->model, recursive, std::move(columns));
}

ModelSelect ModelSelect::with_cte(std::vector<Cte> ctes) const {
  return with([&](SelectNode& n) {
    for (const Cte& cte : ctes) n.ctes.push_back(cte.node());
  });
}

}  // namespace peewasm
