#pragma once
// SQL functions: fn("COUNT", Tweet["id"]), with optional FILTER and OVER.

#include <string>
#include <vector>

#include "peewasm/sql/expression.hpp"

namespace peewasm {

class FunctionNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Function;
  FunctionNode(std::string name, NodeVector arguments, NodePtr filter = nullptr)
      : name_(std::move(name)), arguments_(std::move(arguments)), filter_(std::move(filter)) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const std::string& name() const noexcept { return name_; }
  const NodeVector& arguments() const noexcept { return arguments_; }
  // COUNT and SUM results are not converted by the field they aggregate (Peewee's _coerce).
  bool coerces() const noexcept;

 private:
  std::string name_;
  NodeVector arguments_;
  NodePtr filter_;
};

// Function arguments are plain values unless they are expressions: their parameters are never
// converted by an outer comparison's field.
Expr fn(std::string name, std::vector<Expr> arguments = {});

template <class... Args>
Expr fn(std::string name, Args&&... args) {
  return fn(std::move(name), std::vector<Expr>{Expr(std::forward<Args>(args))...});
}

// fn(...).over(partition_by, order_by): a window function.
struct Window {
  std::vector<Expr> partition_by;
  std::vector<Expr> order_by;
};
Expr over(const Expr& function, const Window& window);
// FILTER (WHERE ...) on an aggregate.
Expr filter(const Expr& function, const Expr& where);

// CASE [predicate] WHEN a THEN b ... [ELSE d] END.
Expr Case(const Expr& predicate, const std::vector<std::pair<Expr, Expr>>& whens,
          const Expr& otherwise = Expr());

}  // namespace peewasm
