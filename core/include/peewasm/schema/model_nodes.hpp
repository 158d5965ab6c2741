#pragma once
// The AST nodes that stand for a model's table (or an alias of it) and a field on it.

#include <string>

#include "peewasm/sql/node.hpp"

namespace peewasm {

class Field;
class Metadata;
class SqlContext;

// A model's table by name, with its schema when Meta.schema is set: "main"."user".
void table_entity(SqlContext& ctx, const Metadata& meta);

// A model's table as a query source. Each node is one source identity: the model's own table
// node, or a new one per Model::alias() (a self-join needs two identities).
class TableNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Table;
  TableNode(const Metadata& meta, std::string alias) : meta_(&meta), alias_(std::move(alias)) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const Metadata& meta() const noexcept { return *meta_; }
  // The alias the user chose (Model.alias("p")), or empty for "tN".
  const std::string& explicit_alias() const noexcept { return alias_; }

 private:
  const Metadata* meta_;
  std::string alias_;
};

// A field read through a source: "t1"."username". In DDL and INSERT/UPDATE column lists
// (Values scope) only the column name is written.
class FieldNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Field;
  FieldNode(const Field& field, NodePtr source) : field_(&field), source_(std::move(source)) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const Field& field() const noexcept { return *field_; }
  const NodePtr& source() const noexcept { return source_; }

 private:
  const Field* field_;
  NodePtr source_;
};

}  // namespace peewasm
