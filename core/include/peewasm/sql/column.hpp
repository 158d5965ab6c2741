#pragma once
// ColumnNode: a named column of any source that is not a model, read as Peewee's `.c.name`:
// subquery.c("max_ts") -> "latest_query"."max_ts", cte.c("id") -> "descendants"."id".

#include <string>

#include "peewasm/sql/node.hpp"

namespace peewasm {

class ColumnNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Column;
  ColumnNode(NodePtr source, std::string name) : source_(std::move(source)), name_(std::move(name)) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const NodePtr& source() const noexcept { return source_; }
  const std::string& name() const noexcept { return name_; }

 private:
  NodePtr source_;
  std::string name_;
};

}  // namespace peewasm
