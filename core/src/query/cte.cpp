#include "peewasm/query/cte.hpp"

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

}  // namespace peewasm
