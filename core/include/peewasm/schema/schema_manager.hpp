#pragma once
// SchemaManager: the DDL for models (CREATE TABLE / INDEX, DROP TABLE, deferred FK
// constraints), byte-identical to Peewee's, and create_tables/drop_tables in dependency order.

#include <string>
#include <vector>

#include "peewasm/schema/model.hpp"
#include "peewasm/sql/context.hpp"

namespace peewasm {

class Database;

class SchemaManager {
 public:
  explicit SchemaManager(const Model& model) : model_(model) {}

  CompiledSql create_table_sql(bool safe = true) const;
  // One statement per index: field indexes (index/unique), Meta.indexes, then add_index().
  std::vector<CompiledSql> create_indexes_sql(bool safe = true) const;
  CompiledSql drop_table_sql(bool safe = true) const;
  CompiledSql create_foreign_key_sql(const Field& field) const;

  void create_all(Database& db, bool safe = true) const;  // table, then its indexes
  void drop_table(Database& db, bool safe = true) const;
  // ALTER TABLE ... ADD CONSTRAINT for a DeferredForeignKey.
  void create_foreign_key(Database& db, const Field& field) const;

 private:
  Model model_;
};

// Models sorted so that every model comes after the models it references (Peewee's sort_models).
std::vector<Model> sort_models(const std::vector<Model>& models);

void create_tables(Database& db, const std::vector<Model>& models, bool safe = true);
void drop_tables(Database& db, const std::vector<Model>& models, bool safe = true);

}  // namespace peewasm
