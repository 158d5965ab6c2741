#pragma once
// NodeList: nodes joined by glue, optionally enclosed in parentheses.

#include <string>

#include "peewasm/sql/node.hpp"

namespace peewasm {

class NodeList final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::NodeList;
  NodeList(NodeVector nodes, std::string glue = " ", bool parens = false)
      : nodes_(std::move(nodes)), glue_(std::move(glue)), parens_(parens) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const NodeVector& nodes() const noexcept { return nodes_; }

 private:
  NodeVector nodes_;
  std::string glue_;
  bool parens_;
};

NodePtr make_node_list(NodeVector nodes, std::string glue = " ", bool parens = false);
NodePtr comma_list(NodeVector nodes);     // a, b
NodePtr enclosed_list(NodeVector nodes);  // (a, b)

}  // namespace peewasm
