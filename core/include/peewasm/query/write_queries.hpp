#pragma once
// INSERT, UPDATE and DELETE on a model's table, as immutable values.

#include <cstdint>
#include <memory>
#include <vector>

#include "peewasm/schema/instance.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/sql/node.hpp"

namespace peewasm {

class Database;
class Metadata;
class Field;

class InsertNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Insert;
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;

  const Metadata* model = nullptr;
  std::vector<const Field*> columns;
  std::vector<NodeVector> rows;  // one node per column and row; empty: DEFAULT VALUES
  NodePtr query;                 // INSERT INTO ... SELECT
  std::string on_conflict;       // "", "IGNORE" or "REPLACE"
};

class UpdateNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Update;
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;

  const Metadata* model = nullptr;
  std::vector<std::pair<const Field*, NodePtr>> assignments;
  NodePtr where;
};

class DeleteNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Delete;
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;

  const Metadata* model = nullptr;
  NodePtr where;
};

class Insert {
 public:
  explicit Insert(std::shared_ptr<const InsertNode> node) : node_(std::move(node)) {}
  Insert on_conflict_ignore() const;
  Insert on_conflict_replace() const;
  // Runs the statement; returns the last inserted row id.
  std::int64_t execute() const;
  CompiledSql sql() const;
  const InsertNode& node() const { return *node_; }

 private:
  std::shared_ptr<const InsertNode> node_;
};

class Update {
 public:
  explicit Update(std::shared_ptr<const UpdateNode> node) : node_(std::move(node)) {}
  Update where(const Expr& condition) const;  // chained calls are ANDed
  std::int64_t execute() const;               // rows changed
  CompiledSql sql() const;

 private:
  std::shared_ptr<const UpdateNode> node_;
};

class Delete {
 public:
  explicit Delete(std::shared_ptr<const DeleteNode> node) : node_(std::move(node)) {}
  Delete where(const Expr& condition) const;
  std::int64_t execute() const;  // rows deleted
  CompiledSql sql() const;

 private:
  std::shared_ptr<const DeleteNode> node_;
};

// Chains a condition onto an optional existing one with AND (Peewee's where(...).where(...)).
NodePtr and_where(const NodePtr& existing, const Expr& condition);

}  // namespace peewasm
