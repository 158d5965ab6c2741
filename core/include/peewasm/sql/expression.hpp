#pragma once
// Expression nodes and Expr, the value type users build conditions with:
//   (User["username"] == "huey") && !Tweet["content"].contains("meow")

#include <concepts>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "peewasm/sql/literal.hpp"
#include "peewasm/sql/node.hpp"
#include "peewasm/value.hpp"

namespace peewasm {

class Instance;

// lhs op rhs. Peewee's operator names; the dialect maps LIKE/ILIKE to SQLite's spelling.
class BinaryNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Binary;
  BinaryNode(NodePtr lhs, std::string op, NodePtr rhs, bool flat = false)
      : lhs_(std::move(lhs)), op_(std::move(op)), rhs_(std::move(rhs)), flat_(flat) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const NodePtr& lhs() const noexcept { return lhs_; }
  const std::string& op() const noexcept { return op_; }
  const NodePtr& rhs() const noexcept { return rhs_; }

 private:
  NodePtr lhs_;
  std::string op_;
  NodePtr rhs_;
  bool flat_;
};

// A node wrapping one other node (NOT x, ~x, x AS a, CAST(x AS t), x DESC).
class WrappedNode : public Node {
 public:
  explicit WrappedNode(NodePtr node) : node_(std::move(node)) {}
  const NodePtr& node() const noexcept { return node_; }
  // The innermost node behind aliases, orderings, casts.
  const Node& unwrap() const;

 protected:
  NodePtr node_;
};

class NegatedNode final : public WrappedNode {
 public:
  static constexpr NodeKind kKind = NodeKind::Negated;
  using WrappedNode::WrappedNode;
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
};

class BitNegatedNode final : public WrappedNode {
 public:
  static constexpr NodeKind kKind = NodeKind::BitNegated;
  using WrappedNode::WrappedNode;
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
};

class AliasNode final : public WrappedNode {
 public:
  static constexpr NodeKind kKind = NodeKind::Alias;
  AliasNode(NodePtr node, std::string alias) : WrappedNode(std::move(node)), alias_(std::move(alias)) {}
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const std::string& alias() const noexcept { return alias_; }

 private:
  std::string alias_;
};

class CastNode final : public WrappedNode {
 public:
  static constexpr NodeKind kKind = NodeKind::Cast;
  CastNode(NodePtr node, std::string type) : WrappedNode(std::move(node)), type_(std::move(type)) {}
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;

 private:
  std::string type_;
};

enum class Nulls { Default, First, Last };

class OrderingNode final : public WrappedNode {
 public:
  static constexpr NodeKind kKind = NodeKind::Ordering;
  OrderingNode(NodePtr node, bool descending, std::string collation = {}, Nulls nulls = Nulls::Default)
      : WrappedNode(std::move(node)), descending_(descending), collation_(std::move(collation)), nulls_(nulls) {}
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  bool descending() const noexcept { return descending_; }
  const std::string& collation() const noexcept { return collation_; }
  Nulls nulls() const noexcept { return nulls_; }

 private:
  bool descending_;
  std::string collation_;
  Nulls nulls_;
};

class Expr;
template <class T>
concept ValueLike = std::constructible_from<Value, T> && !std::same_as<std::decay_t<T>, Expr>;

// A handle on an expression node with Peewee's operators. Cheap to copy.
class Expr {
 public:
  Expr() = default;
  explicit Expr(NodePtr node) : node_(std::move(node)) {}
  template <ValueLike T>
  Expr(T&& value) : node_(make_value(Value(std::forward<T>(value)))) {}
  // A model instance stands for its primary key (Tweet.user == huey).
  Expr(const Instance& instance);

  const NodePtr& node() const noexcept { return node_; }
  // Set (not a default-constructed, empty Expr).
  bool has_value() const noexcept { return node_ != nullptr; }

  Expr alias(std::string name) const;
  Expr cast(std::string type) const;
  Expr asc(Nulls nulls = Nulls::Default) const;
  Expr desc(Nulls nulls = Nulls::Default) const;
  Expr collate(std::string collation) const;

  Expr in_(std::vector<Expr> values) const;
  Expr in_(const Expr& subquery) const;
  Expr not_in(std::vector<Expr> values) const;
  Expr not_in(const Expr& subquery) const;
  Expr is_null(bool is_null = true) const;
  Expr contains(const std::string& text) const;
  Expr startswith(const std::string& text) const;
  Expr endswith(const std::string& text) const;
  Expr like(const Expr& pattern) const;   // Peewee's LIKE: SQLite GLOB
  Expr ilike(const Expr& pattern) const;  // Peewee's ILIKE: SQLite LIKE
  Expr regexp(const Expr& pattern) const;
  Expr between(const Expr& low, const Expr& high) const;
  Expr concat(const Expr& rhs) const;
  Expr bin_and(const Expr& rhs) const;
  Expr bin_or(const Expr& rhs) const;
  Expr distinct() const;

  // Parts of a date or time field, as Peewee's Event.event_date.year: SQLite's date_part()
  // and date_trunc(), which every Database registers. DateTimeField and TimestampField have
  // every part, DateField year to day, TimeField hour to second; anything else is refused.
  Expr year() const;
  Expr month() const;
  Expr day() const;
  Expr hour() const;
  Expr minute() const;
  Expr second() const;
  // The date with everything below `part` zeroed: truncate("month") -> '2024-01-01 00:00:00'.
  Expr truncate(const std::string& part) const;

  // Operators are hidden friends: they apply only when an operand is an Expr.
  friend Expr operator==(const Expr& lhs, const Expr& rhs);  // rhs NULL -> IS NULL
  friend Expr operator!=(const Expr& lhs, const Expr& rhs);  // rhs NULL -> IS NOT NULL
  friend Expr operator<(const Expr& lhs, const Expr& rhs);
  friend Expr operator<=(const Expr& lhs, const Expr& rhs);
  friend Expr operator>(const Expr& lhs, const Expr& rhs);
  friend Expr operator>=(const Expr& lhs, const Expr& rhs);
  friend Expr operator&&(const Expr& lhs, const Expr& rhs);  // AND
  friend Expr operator||(const Expr& lhs, const Expr& rhs);  // OR
  friend Expr operator!(const Expr& operand);                // NOT
  friend Expr operator+(const Expr& lhs, const Expr& rhs);
  friend Expr operator-(const Expr& lhs, const Expr& rhs);
  friend Expr operator*(const Expr& lhs, const Expr& rhs);
  friend Expr operator/(const Expr& lhs, const Expr& rhs);
  friend Expr operator%(const Expr& lhs, const Expr& rhs);
  friend Expr operator&(const Expr& lhs, const Expr& rhs);  // bitwise and
  friend Expr operator|(const Expr& lhs, const Expr& rhs);  // bitwise or
  friend Expr operator~(const Expr& operand);               // bitwise not

 private:
  NodePtr node_;
};

Expr binary(const Expr& lhs, std::string op, const Expr& rhs);

// Raw SQL: SQL("DEFAULT CURRENT_TIMESTAMP"), SQL("price > ?", {10}).
Expr SQL(std::string text, std::vector<Value> params = {});
// A column CHECK constraint: Check("price < 10000") -> CHECK (price < 10000).
Expr Check(const std::string& constraint);
// Tuple(a, b) -> (a, b).
Expr Tuple(std::vector<Expr> items);

NodeVector to_nodes(const std::vector<Expr>& exprs);

}  // namespace peewasm
