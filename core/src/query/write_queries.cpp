#include "peewasm/query/write_queries.hpp"

#include "peewasm/db/database.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/expression.hpp"
#include "peewasm/sql/node_list.hpp"

namespace peewasm {

NodePtr and_where(const NodePtr& existing, const Expr& condition) {
  return existing ? (Expr(existing) && condition).node() : condition.node();
}

namespace {
// Inside a write query the target table is called by its own name, so that a subquery that
// refers to it writes "user"."id" rather than inventing "t1".
void name_target(SqlContext& ctx, const Metadata& model) { ctx.aliases().set(model.table().get(), model.table_name()); }

NodeVector column_nodes(const Metadata& model, const std::vector<const Field*>& fields) {
  NodeVector nodes;
  for (const Field* field : fields) nodes.push_back(std::make_shared<FieldNode>(*field, model.table()));
  return nodes;
}
}  // namespace

void InsertNode::to_sql(SqlContext& ctx) const {
  name_target(ctx, *model);
  auto _ = ctx.push({.scope = Scope::Values});
  ctx.literal(on_conflict.empty() ? "INSERT" : "INSERT OR " + on_conflict).literal(" INTO ").sql(model->table()).literal(" ");
  if (query) {
    ctx.sql(enclosed_list(column_nodes(*model, columns))).literal(" ").sql(query);
    return;
  }
  if (rows.empty()) {
    ctx.literal("DEFAULT VALUES");
    return;
  }
  ctx.sql(enclosed_list(column_nodes(*model, columns))).literal(" VALUES ");
  auto values = ctx.push({.subquery = true});
  NodeVector tuples;
  for (const NodeVector& row : rows) tuples.push_back(enclosed_list(row));
  ctx.sql(comma_list(tuples));
}

void UpdateNode::to_sql(SqlContext& ctx) const {
  name_target(ctx, *model);
  auto _ = ctx.push({.scope = Scope::Values, .subquery = true});
  ctx.literal("UPDATE ").sql(model->table()).literal(" SET ");
  for (std::size_t i = 0; i < assignments.size(); ++i) {
    const auto& [field, value] = assignments[i];
    if (i > 0) ctx.literal(", ");
    ctx.entity(field->column_name()).literal(" = ");
    auto rhs = ctx.push({.scope = Scope::Normal});
    ctx.sql(value);
  }
  if (where) {
    auto normal = ctx.push({.scope = Scope::Normal});
    ctx.literal(" WHERE ").sql(where);
  }
}

void DeleteNode::to_sql(SqlContext& ctx) const {
  name_target(ctx, *model);
  auto _ = ctx.push({.scope = Scope::Values, .subquery = true});
  ctx.literal("DELETE FROM ").sql(model->table());
  if (where) {
    auto normal = ctx.push({.scope = Scope::Normal});
    ctx.literal(" WHERE ").sql(where);
  }
}

Insert Insert::on_conflict_ignore() const {
  auto copy = std::make_shared<InsertNode>(*node_);
  copy->on_conflict = "IGNORE";
  return Insert(copy);
}

Insert Insert::on_conflict_replace() const {
  auto copy = std::make_shared<InsertNode>(*node_);
  copy->on_conflict = "REPLACE";
  return Insert(copy);
}

CompiledSql Insert::sql() const { return compile(*node_); }

std::int64_t Insert::execute() const {
  CompiledSql compiled = sql();
  Database& db = node_->model->bound_database();
  db.execute(compiled.sql, compiled.params);
  return db.last_insert_rowid();
}

Update Update::where(const Expr& condition) const {
  auto copy = std::make_shared<UpdateNode>(*node_);
  copy->where = and_where(copy->where, condition);
  return Update(copy);
}

CompiledSql Update::sql() const { return compile(*node_); }

std::int64_t Update::execute() const {
  CompiledSql compiled = sql();
  return node_->model->bound_database().execute(compiled.sql, compiled.params);
}

Delete Delete::where(const Expr& condition) const {
  auto copy = std::make_shared<DeleteNode>(*node_);
  copy->where = and_where(copy->where, condition);
  return Delete(copy);
}

CompiledSql Delete::sql() const { return compile(*node_); }

std::int64_t Delete::execute() const {
  CompiledSql compiled = sql();
  return node_->model->bound_database().execute(compiled.sql, compiled.params);
}

}  // namespace peewasm
