#pragma once
// Common table expressions: WITH "name" ("col", ...) AS (query).

#include <string>
#include <vector>

#include "peewasm/sql/node.hpp"

namespace peewasm {

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

 private:
  std::string name_;
  NodePtr query_;
  bool recursive_;
  std::vector<std::string> columns_;
};

}  // namespace peewasm
