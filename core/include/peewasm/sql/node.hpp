#pragma once
// Node: the immutable AST every query, expression and source is built from.

#include <memory>
#include <string>
#include <vector>

#include "peewasm/errors.hpp"

namespace peewasm {

class SqlContext;

enum class NodeKind {
  Literal,     // raw SQL text (SQL(...), Check(...))
  Value,       // one bound parameter (or a list of them)
  Entity,      // a quoted name: "t1" or "user"."id"
  Field,       // a model field on a source (Tweet.user, Parent.name)
  Column,      // a named column on any source (subquery.c.name, cte.c.id)
  Table,       // a model's table or an alias of it
  Binary,      // lhs op rhs
  Negated,     // NOT x
  BitNegated,  // ~x
  Alias,       // x AS "name"
  Cast,        // CAST(x AS type)
  Ordering,    // x ASC / DESC
  Function,    // NAME(args)
  NodeList,    // nodes joined by glue, optionally enclosed
  Select,
  Compound,    // UNION / INTERSECT / EXCEPT
  Join,
  Cte,
  Window,
  Insert,
  Update,
  Delete,
};

class Node {
 public:
  virtual ~Node() = default;
  virtual NodeKind kind() const noexcept = 0;
  // The one emitter: appends this node's SQL and parameters to the context.
  virtual void to_sql(SqlContext& ctx) const = 0;
  // A copy of this node that names itself (subqueries: `AS "name"`); nullptr for nodes that
  // are aliased by wrapping them instead.
  virtual std::shared_ptr<const Node> with_alias(const std::string& /*name*/) const { return nullptr; }

  template <class T>
  bool is() const noexcept {
    return kind() == T::kKind;
  }
  // Checked down-cast (DuckDB's Cast<T>()).
  template <class T>
  const T& as() const {
    if (!is<T>()) throw ProgrammingError("internal: unexpected SQL node kind");
    return static_cast<const T&>(*this);
  }
};

// Queries and expressions are persistent values: builders return modified copies that share
// unchanged subtrees. Structural sharing is why nodes are held by shared_ptr (DuckDB deep-copies
// instead); nodes are immutable, so sharing them is safe.
using NodePtr = std::shared_ptr<const Node>;
using NodeVector = std::vector<NodePtr>;

}  // namespace peewasm
