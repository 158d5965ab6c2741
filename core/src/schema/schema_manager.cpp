#include "peewasm/schema/schema_manager.hpp"

#include <algorithm>
#include <functional>

#include "identifier_case.hpp"
#include "peewasm/db/database.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/literal.hpp"
#include "peewasm/sql/node_list.hpp"

namespace peewasm {

namespace {

// One column's definition: "name" TYPE [UNINDEXED] [NOT NULL] [PRIMARY KEY] [sequence]
// [constraints] [COLLATE x], in Peewee's order.
void column_ddl(SqlContext& ctx, const Field& field) {
  ctx.entity(field.column_name());
  const FieldOptions& o = field.options();
  std::string type = field.ddl_type(ctx.dialect());
  if (!type.empty()) ctx.literal(" ").literal(type);
  if (o.unindexed) ctx.literal(" UNINDEXED");
  if (!o.null) ctx.literal(" NOT NULL");
  if (o.primary_key && field.model().primary_key() == &field) ctx.literal(" PRIMARY KEY");
  if (!o.sequence.empty()) ctx.literal(" DEFAULT NEXTVAL('" + o.sequence + "')");
  for (const Expr& constraint : o.constraints) ctx.literal(" ").sql(constraint.node());
  if (!o.collation.empty()) ctx.literal(" COLLATE ").literal(o.collation);
}

void foreign_key_ddl(SqlContext& ctx, const Field& field) {
  const ForeignKeySpec& fk = field.foreign_key();
  ctx.literal("FOREIGN KEY (").entity(field.column_name()).literal(") REFERENCES ");
  table_entity(ctx, field.rel_model());
  ctx.literal(" (").entity(field.rel_field().column_name()).literal(")");
  if (!fk.on_delete.empty()) ctx.literal(" ON DELETE ").literal(fk.on_delete);
  if (!fk.on_update.empty()) ctx.literal(" ON UPDATE ").literal(fk.on_update);
  if (!fk.deferrable.empty()) ctx.literal(" DEFERRABLE ").literal(fk.deferrable);
}

// Peewee's index names: <model name or table name>_<columns>, hashed past 64 characters.
std::string index_name(const Metadata& meta, const std::vector<std::string>& columns) {
  std::string joined;
  for (const std::string& column : columns) joined += (joined.empty() ? "" : "_") + column;
  joined = identifier_case::replace_non_word_runs(joined, "");
  bool legacy = meta.options().legacy_table_names.value_or(true);
  std::string prefix = legacy ? make_table_name(meta.name(), true) : meta.table_name();
  return prefix + "_" + joined;
}

// The column behind an index expression, looking through orderings and aliases.
const Field* indexed_field(const Expr& expression) {
  const Node* node = expression.node().get();
  while (auto* wrapped = dynamic_cast<const WrappedNode*>(node)) node = wrapped->node().get();
  return node->is<FieldNode>() ? &node->as<FieldNode>().field() : nullptr;
}

CompiledSql index_ddl(const Metadata& meta, const std::string& name, const NodeVector& expressions, bool unique,
                      const Expr& where, const std::string& using_type, bool safe) {
  SqlContext ctx;
  // SQLite takes no parameters in CREATE INDEX: values are written inline.
  auto _ = ctx.push({.scope = Scope::Values, .subquery = true, .value_literals = true});
  ctx.literal(unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
  if (safe) ctx.literal("IF NOT EXISTS ");
  // SQLite names an index's schema on the index, not on its table (Peewee's index_schema_prefix).
  if (meta.schema().empty()) {
    ctx.entity(name);
  } else {
    ctx.entity(meta.schema(), name);
  }
  ctx.literal(" ON ").entity(meta.table_name()).literal(" ");
  if (!using_type.empty()) ctx.literal("USING " + using_type + " ");
  ctx.sql(enclosed_list(expressions));
  if (where.has_value()) ctx.literal(" WHERE ").sql(where.node());
  return {ctx.text(), ctx.take_params()};
}

}  // namespace

CompiledSql SchemaManager::create_table_sql(bool safe) const {
  const Metadata& meta = model_.meta();
  // Column types come from the model's database, which may map custom labels (field_types).
  SqlContext ctx(meta.database() ? meta.database()->dialect() : Dialect::sqlite());
  auto _ = ctx.push({.scope = Scope::Values});
  ctx.literal(meta.options().temporary.value_or(false) ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ");
  if (safe) ctx.literal("IF NOT EXISTS ");
  table_entity(ctx, meta);
  ctx.literal(" (");
  bool first = true;
  auto next = [&] {
    if (!first) ctx.literal(", ");
    first = false;
  };
  for (const Field* field : meta.sorted_fields()) {
    next();
    column_ddl(ctx, *field);
  }
  if (meta.composite_key()) {
    next();
    ctx.literal("PRIMARY KEY (");
    const auto& parts = meta.primary_key_fields();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i) ctx.literal(", ");
      ctx.entity(parts[i]->column_name());
    }
    ctx.literal(")");
  }
  for (const Field* field : meta.foreign_keys()) {
    if (field->foreign_key().deferred) continue;  // added later with create_foreign_key()
    next();
    foreign_key_ddl(ctx, *field);
  }
  for (const Expr& constraint : meta.constraints()) {
    next();
    ctx.sql(constraint.node());
  }
  ctx.literal(")");
  if (meta.options().table_settings) {
    for (const std::string& setting : *meta.options().table_settings) ctx.literal(" ").literal(setting);
  }
  std::vector<std::string> extras;
  if (meta.options().strict_tables.value_or(false)) extras.push_back("STRICT");
  if (meta.options().without_rowid) extras.push_back("WITHOUT ROWID");
  for (std::size_t i = 0; i < extras.size(); ++i) ctx.literal(i ? ", " : " ").literal(extras[i]);
  return {ctx.text(), ctx.take_params()};
}

std::vector<CompiledSql> SchemaManager::create_indexes_sql(bool safe) const {
  const Metadata& meta = model_.meta();
  std::vector<CompiledSql> statements;
  for (const Field* field : meta.sorted_fields()) {
    const FieldOptions& o = field->options();
    if (o.primary_key || !(o.index || o.unique)) continue;
    NodeVector columns{std::make_shared<FieldNode>(*field, meta.table())};
    statements.push_back(index_ddl(meta, index_name(meta, {field->column_name()}), columns, o.unique, Expr(),
                                   o.index_type, safe));
  }
  for (const IndexSpec& spec : meta.indexes()) {
    NodeVector columns;
    std::vector<std::string> names;
    for (const std::string& name : spec.fields) {
      const Field& field = meta.field(name);
      columns.push_back(std::make_shared<FieldNode>(field, meta.table()));
      names.push_back(field.column_name());
    }
    statements.push_back(index_ddl(meta, index_name(meta, names), columns, spec.unique, Expr(), "", safe));
  }
  for (const ModelIndex& index : meta.added_indexes()) {
    if (index.raw_sql.has_value()) {
      statements.push_back(compile(*index.raw_sql.node()));
      continue;
    }
    std::vector<std::string> names;
    std::string using_type = index.using_type;
    for (const Expr& expression : index.expressions) {
      if (const Field* field = indexed_field(expression)) {
        names.push_back(field->column_name());
        if (using_type.empty()) using_type = field->options().index_type;
      }
    }
    if (names.empty() && index.name.empty()) {
      throw ImproperlyConfigured(meta.name() + ".add_index: cannot name an index on expressions only; "
                                 "pass a name");
    }
    std::string name = index.name.empty() ? index_name(meta, names) : index.name;
    statements.push_back(index_ddl(meta, name, to_nodes(index.expressions), index.unique, index.where, using_type, safe));
  }
  return statements;
}

CompiledSql SchemaManager::drop_table_sql(bool safe) const {
  SqlContext ctx;
  ctx.literal(safe ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
  table_entity(ctx, model_.meta());
  return {ctx.text(), {}};
}

CompiledSql SchemaManager::create_foreign_key_sql(const Field& field) const {
  const Metadata& meta = model_.meta();
  SqlContext ctx;
  std::string name = "fk_" + meta.table_name() + "_" + field.column_name() + "_refs_" + field.rel_model().table_name();
  ctx.literal("ALTER TABLE ");
  table_entity(ctx, meta);
  ctx.literal(" ADD CONSTRAINT ").entity(name).literal(" ");
  foreign_key_ddl(ctx, field);
  return {ctx.text(), {}};
}

void SchemaManager::create_all(Database& db, bool safe) const {
  CompiledSql table = create_table_sql(safe);
  db.execute(table.sql, table.params);
  for (const CompiledSql& index : create_indexes_sql(safe)) db.execute(index.sql, index.params);
}

void SchemaManager::drop_table(Database& db, bool safe) const {
  CompiledSql drop = drop_table_sql(safe);
  db.execute(drop.sql, drop.params);
}

void SchemaManager::create_foreign_key(Database& db, const Field& field) const {
  CompiledSql statement = create_foreign_key_sql(field);
  db.execute(statement.sql, statement.params);
}

std::vector<Model> sort_models(const std::vector<Model>& models) {
  // Peewee's order: models by name, each after the models it references (depth first);
  // deferred foreign keys do not order anything, which is what lets cycles be created.
  std::vector<Model> by_name(models);
  std::sort(by_name.begin(), by_name.end(), [](const Model& a, const Model& b) {
    std::string a_name = make_table_name(a.name(), true), b_name = make_table_name(b.name(), true);
    return a_name != b_name ? a_name < b_name : a.meta().table_name() < b.meta().table_name();
  });
  auto member = [&](const Metadata& meta) -> const Model* {
    for (const Model& model : models) {
      if (&model.meta() == &meta) return &model;
    }
    return nullptr;
  };
  std::vector<const Metadata*> seen;
  std::vector<Model> ordering;
  std::function<void(const Metadata&)> visit = [&](const Metadata& meta) {
    const Model* model = member(meta);
    if (!model || std::find(seen.begin(), seen.end(), &meta) != seen.end()) return;
    seen.push_back(&meta);
    for (const Field* fk : meta.foreign_keys()) {
      if (!fk->foreign_key().deferred && fk->is_resolved()) visit(fk->rel_model());
    }
    for (const std::string& dependency : meta.options().depends_on) {
      for (const Model& other : models) {
        if (other.name() == dependency) visit(other.meta());
      }
    }
    ordering.push_back(*model);
  };
  for (const Model& model : by_name) visit(model.meta());
  return ordering;
}

void create_tables(Database& db, const std::vector<Model>& models, bool safe) {
  for (const Model& model : sort_models(models)) SchemaManager(model).create_all(db, safe);
}

void drop_tables(Database& db, const std::vector<Model>& models, bool safe) {
  auto ordered = sort_models(models);
  for (auto it = ordered.rbegin(); it != ordered.rend(); ++it) SchemaManager(*it).drop_table(db, safe);
}

}  // namespace peewasm
