#pragma once
// Leaf nodes: raw SQL, quoted names and bound values.

#include <string>
#include <vector>

#include "peewasm/sql/node.hpp"
#include "peewasm/value.hpp"

namespace peewasm {

class Field;

// Raw SQL text with optional parameters: SQL("DEFAULT CURRENT_TIMESTAMP").
class Literal final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Literal;
  explicit Literal(std::string text, std::vector<Value> params = {})
      : text_(std::move(text)), params_(std::move(params)) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const std::string& text() const noexcept { return text_; }

 private:
  std::string text_;
  std::vector<Value> params_;
};

// A quoted identifier, one or two parts: "t1" or "descendants"."id".
class EntityNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Entity;
  explicit EntityNode(std::vector<std::string> path) : path_(std::move(path)) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const std::vector<std::string>& path() const noexcept { return path_; }

 private:
  std::vector<std::string> path_;
};

// One bound parameter. `field` converts it (field.db_value) regardless of context; otherwise
// the comparison's field converts it unless `convert` is Never (function arguments).
class ValueNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Value;
  explicit ValueNode(Value value, const Field* field = nullptr, bool convert = true)
      : value_(std::move(value)), field_(field), convert_(convert) {}

  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const Value& value() const noexcept { return value_; }

 private:
  Value value_;
  const Field* field_;
  bool convert_;
};

NodePtr make_literal(std::string text, std::vector<Value> params = {});
NodePtr make_entity(std::string name);
NodePtr make_value(Value value, const Field* field = nullptr, bool convert = true);

}  // namespace peewasm
