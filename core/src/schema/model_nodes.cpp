#include "peewasm/schema/model_nodes.hpp"

#include "peewasm/schema/field.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/sql/context.hpp"

namespace peewasm {

void TableNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Values) {
    ctx.entity(meta_->table_name());
    return;
  }
  if (!alias_.empty()) ctx.aliases().set(this, alias_);
  if (ctx.scope() == Scope::Source) {
    ctx.entity(meta_->table_name()).literal(" AS ").entity(ctx.aliases().get(this));
  } else {
    // A reference: a correlated subquery finds the outer query's alias.
    ctx.entity(ctx.aliases().get_any_depth(this));
  }
}

void FieldNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Values) {
    ctx.entity(field_->column_name());
    return;
  }
  auto _ = ctx.push({.scope = Scope::Column});
  ctx.sql(source_).literal(".").entity(field_->column_name());
}

}  // namespace peewasm
