#include "peewasm/schema/model_nodes.hpp"

#include "peewasm/schema/field.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/sql/context.hpp"

namespace peewasm {

void table_entity(SqlContext& ctx, const Metadata& meta) {
  if (meta.schema().empty()) {
    ctx.entity(meta.table_name());
  } else {
    ctx.entity(meta.schema(), meta.table_name());
  }
}

void TableNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Values) {
    table_entity(ctx, *meta_);
    return;
  }
  if (!alias_.empty()) ctx.aliases().set(this, alias_);
  if (ctx.scope() == Scope::Source) {
    table_entity(ctx, *meta_);
    ctx.literal(" AS ").entity(ctx.aliases().get(this));
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
