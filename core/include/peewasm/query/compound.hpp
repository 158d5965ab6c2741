#pragma once
// Compound selects: UNION, UNION ALL, INTERSECT, EXCEPT of model selects (Peewee's |, +, &, -),
// with their own ORDER BY / LIMIT / OFFSET, usable as a subquery. Rows read as the model of
// the leftmost select.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "peewasm/query/select.hpp"

namespace peewasm {

class CompoundSelectNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Compound;
  CompoundSelectNode(NodePtr lhs, std::string op, NodePtr rhs) : lhs(std::move(lhs)), op(std::move(op)), rhs(std::move(rhs)) {}
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  NodePtr with_alias(const std::string& name) const override;
  // The select whose columns name the compound's columns.
  const SelectNode& leftmost() const;

  NodePtr lhs;
  std::string op;
  NodePtr rhs;
  NodeVector order_by;
  std::optional<Value> limit;
  std::optional<Value> offset;
  std::string alias;
};

class CompoundSelect {
 public:
  CompoundSelect(NodePtr lhs, std::string op, NodePtr rhs);

  CompoundSelect order_by(std::vector<Expr> ordering) const;
  CompoundSelect limit(std::int64_t n) const;
  CompoundSelect offset(std::int64_t n) const;
  CompoundSelect alias(std::string name) const;

  CompoundSelect union_(const CompoundSelect& rhs) const { return {node_, "UNION", rhs.node_}; }
  CompoundSelect union_(const ModelSelect& rhs) const { return {node_, "UNION", rhs.node_ptr()}; }
  CompoundSelect union_all(const CompoundSelect& rhs) const { return {node_, "UNION ALL", rhs.node_}; }
  CompoundSelect union_all(const ModelSelect& rhs) const { return {node_, "UNION ALL", rhs.node_ptr()}; }
  CompoundSelect intersect(const CompoundSelect& rhs) const { return {node_, "INTERSECT", rhs.node_}; }
  CompoundSelect intersect(const ModelSelect& rhs) const { return {node_, "INTERSECT", rhs.node_ptr()}; }
  CompoundSelect except_(const CompoundSelect& rhs) const { return {node_, "EXCEPT", rhs.node_}; }
  CompoundSelect except_(const ModelSelect& rhs) const { return {node_, "EXCEPT", rhs.node_ptr()}; }

  // A column of the compound, by the name its first select gives it: for ORDER BY, and for
  // queries over the compound.
  Expr c(std::string column) const;
  // SELECT columns FROM (this compound) AS "tN": group or filter the combined rows.
  ModelSelect select_from(std::vector<Expr> columns) const;

  std::vector<Instance> execute() const;
  std::vector<DictRow> dicts() const;
  std::vector<std::vector<Value>> tuples() const;

  CompiledSql sql() const;
  // The database of the leftmost select's model, which runs the compound.
  Database& database() const;
  Expr expr() const { return Expr(node_); }
  operator Expr() const { return expr(); }
  const NodePtr& node_ptr() const noexcept { return node_; }
  const CompoundSelectNode& node() const { return node_->as<CompoundSelectNode>(); }

 private:
  template <class Change>
  CompoundSelect with(Change change) const {
    auto copy = std::make_shared<CompoundSelectNode>(node());
    change(*copy);
    return CompoundSelect(std::move(copy));
  }
  explicit CompoundSelect(NodePtr node) : node_(std::move(node)) {}

  NodePtr node_;
};

// Peewee's operators: | UNION, + UNION ALL, & INTERSECT, - EXCEPT.
template <class L, class R>
concept SelectOperands = (std::same_as<L, ModelSelect> || std::same_as<L, CompoundSelect>) &&
                         (std::same_as<R, ModelSelect> || std::same_as<R, CompoundSelect>);
template <class L, class R>
  requires SelectOperands<L, R>
CompoundSelect operator|(const L& lhs, const R& rhs) { return {lhs.node_ptr(), "UNION", rhs.node_ptr()}; }
template <class L, class R>
  requires SelectOperands<L, R>
CompoundSelect operator+(const L& lhs, const R& rhs) { return {lhs.node_ptr(), "UNION ALL", rhs.node_ptr()}; }
template <class L, class R>
  requires SelectOperands<L, R>
CompoundSelect operator&(const L& lhs, const R& rhs) { return {lhs.node_ptr(), "INTERSECT", rhs.node_ptr()}; }
template <class L, class R>
  requires SelectOperands<L, R>
CompoundSelect operator-(const L& lhs, const R& rhs) { return {lhs.node_ptr(), "EXCEPT", rhs.node_ptr()}; }

}  // namespace peewasm
