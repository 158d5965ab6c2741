#include "peewasm/sql/column.hpp"

#include "peewasm/sql/context.hpp"

namespace peewasm {

void ColumnNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Values) {
    ctx.entity(name_);
    return;
  }
  {
    auto _ = ctx.push({.scope = Scope::Column});
    ctx.sql(source_);
  }
  ctx.literal(".").entity(name_);
}

}  // namespace peewasm
