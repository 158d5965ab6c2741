#pragma once
// Common table expressions: WITH "name" ("col", ...) AS (query). A Cte is the handle users hold
// (Peewee's CTE): its columns for expressions, a recursive part added with union_all, and
// select_from to query it.

#include <memory>
#include <string>
#include <vector>

#include "peewasm/sql/expression.hpp"
#include "peewasm/sql/node.hpp"

namespace peewasm {

class Metadata;
class ModelSelect;

class CteNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Cte;
  CteNode(std::string name, NodePtr query, bool recursive, std::vector<std::string> columns)
      : name_(std::move(name)), query_(std::move(query)), recursive_(recursive), columns_(std::move(columns)) {}

  NodeKind kind() const noexcept override { return kKind; }
  // In the WITH clause: the definition; anywhere else: its name.
  void to_sql(SqlContext& ctx) const override;
  const std::string& name() const noexcept { return name_; }
  bool recursive() const noexcept { return recursive_; }
  const NodePtr& query() const noexcept { return query_; }
  const std::vector<std::string>& columns() const noexcept { return columns_; }

 private:
  std::string name_;
  NodePtr query_;
  bool recursive_;
  std::vector<std::string> columns_;
};

class Cte {
 public:
  // `model` is the model the CTE's rows read as (the model of the query it was made from).
  Cte(std::string name, NodePtr query, const Metadata* model, bool recursive = false, std::vector<std::string> columns = {});

  // A column of the CTE for expressions: cte.c("id") -> "name"."id".
  Expr c(std::string column) const;
  // The same CTE over `query UNION ALL rhs` (or UNION): how a recursive CTE adds its step.
  Cte union_all(const ModelSelect& rhs) const;
  Cte union_(const ModelSelect& rhs) const;
  // SELECT columns FROM the CTE, with the CTE attached; rows read as the CTE's model.
  ModelSelect select_from(std::vector<Expr> columns) const;

  const std::shared_ptr<const CteNode>& node() const noexcept { return node_; }
  const Metadata* model() const noexcept { return model_; }

 private:
  Cte with_compound(std::string op, const ModelSelect& rhs) const;

  std::shared_ptr<const CteNode> node_;
  const Metadata* model_;
};

}  // namespace peewasm
