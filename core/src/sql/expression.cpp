#include "peewasm/sql/expression.hpp"

#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/sql/node_list.hpp"

namespace peewasm {

namespace {

// The field whose db_value converts the right-hand side: the left-hand field, looking through
// aliases and orderings but not through casts or functions (Peewee's coerce rule).
const Field* converting_field(const Node& lhs) {
  const Node* node = &lhs;
  while (node->is<AliasNode>() || node->is<OrderingNode>() || node->is<NegatedNode>()) {
    node = static_cast<const WrappedNode*>(node)->node().get();
  }
  if (node->is<FieldNode>()) return &node->as<FieldNode>().field();
  return nullptr;
}

bool is_empty_list(const Node& node) {
  return node.is<NodeList>() && node.as<NodeList>().nodes().empty();
}

bool is_null_value(const Expr& e) {
  return e.node() && e.node()->is<ValueNode>() && e.node()->as<ValueNode>().value().is_null();
}

// x IS NULL: Peewee 4.3 writes the NULL of is_null() and == None into the SQL.
Expr null_test(const Expr& lhs, bool is_null) { return binary(lhs, is_null ? "IS" : "IS NOT", Expr(make_literal("NULL"))); }

}  // namespace

void BinaryNode::to_sql(SqlContext& ctx) const {
  auto _ = ctx.push({.parentheses = !flat_ && !ctx.state().sole_enclosed,
                     .in_expr = true,
                     .converter = converting_field(*lhs_)});
  // IN () is not valid SQL everywhere; Peewee writes the equivalent constant predicate.
  if ((op_ == "IN" || op_ == "NOT IN") && is_empty_list(*rhs_)) {
    ctx.literal(op_ == "IN" ? "0 = 1" : "1 = 1");
    return;
  }
  ctx.sql(lhs_).literal(" ").literal(ctx.dialect().operation(op_)).literal(" ").sql(rhs_);
}

const Node& WrappedNode::unwrap() const {
  const Node* node = node_.get();
  while (auto* wrapped = dynamic_cast<const WrappedNode*>(node)) node = wrapped->node().get();
  return *node;
}

void NegatedNode::to_sql(SqlContext& ctx) const { ctx.literal("NOT ").sql(node_); }

void BitNegatedNode::to_sql(SqlContext& ctx) const { ctx.literal("~").sql(node_); }

void AliasNode::to_sql(SqlContext& ctx) const {
  if (ctx.scope() == Scope::Source) {
    ctx.sql(node_).literal(" AS ").entity(alias_);
  } else {
    ctx.entity(alias_);
  }
}

void CastNode::to_sql(SqlContext& ctx) const {
  ctx.literal("CAST(").sql(node_).literal(" AS ").literal(type_).literal(")");
}

void OrderingNode::to_sql(SqlContext& ctx) const {
  ctx.sql(node_).literal(descending_ ? " DESC" : " ASC");
  if (!collation_.empty()) ctx.literal(" COLLATE ").literal(collation_);
  if (nulls_ == Nulls::First) ctx.literal(" NULLS FIRST");
  if (nulls_ == Nulls::Last) ctx.literal(" NULLS LAST");
}

Expr binary(const Expr& lhs, std::string op, const Expr& rhs) {
  return Expr(std::make_shared<BinaryNode>(lhs.node(), std::move(op), rhs.node()));
}

Expr Expr::alias(std::string name) const {
  if (NodePtr named = node_->with_alias(name)) return Expr(named);
  return Expr(std::make_shared<AliasNode>(node_, std::move(name)));
}
Expr Expr::cast(std::string type) const { return Expr(std::make_shared<CastNode>(node_, std::move(type))); }
Expr Expr::asc(Nulls nulls) const { return Expr(std::make_shared<OrderingNode>(node_, false, "", nulls)); }
Expr Expr::desc(Nulls nulls) const { return Expr(std::make_shared<OrderingNode>(node_, true, "", nulls)); }

Expr Expr::collate(std::string collation) const {
  return Expr(make_node_list({node_, make_literal("COLLATE " + collation)}));
}

Expr Expr::in_(std::vector<Expr> values) const { return binary(*this, "IN", Expr(enclosed_list(to_nodes(values)))); }
Expr Expr::in_(const Expr& subquery) const { return binary(*this, "IN", subquery); }
Expr Expr::not_in(std::vector<Expr> values) const {
  return binary(*this, "NOT IN", Expr(enclosed_list(to_nodes(values))));
}
Expr Expr::not_in(const Expr& subquery) const { return binary(*this, "NOT IN", subquery); }
Expr Expr::is_null(bool is_null) const { return null_test(*this, is_null); }

namespace {
// LIKE patterns escape the user's own wildcards, as Peewee does.
Expr like_pattern(const std::string& text, const std::string& before, const std::string& after) {
  if (text.find_first_of("_%\\") == std::string::npos) return Expr(before + text + after);
  std::string escaped;
  for (char c : text) {
    if (c == '\\' || c == '_' || c == '%') escaped.push_back('\\');
    escaped.push_back(c);
  }
  return Expr(make_node_list({make_value(before + escaped + after), make_literal("ESCAPE"), make_value("\\")}));
}
}  // namespace

Expr Expr::contains(const std::string& text) const { return binary(*this, "ILIKE", like_pattern(text, "%", "%")); }
Expr Expr::startswith(const std::string& text) const { return binary(*this, "ILIKE", like_pattern(text, "", "%")); }
Expr Expr::endswith(const std::string& text) const { return binary(*this, "ILIKE", like_pattern(text, "%", "")); }
Expr Expr::like(const Expr& pattern) const { return binary(*this, "LIKE", pattern); }
Expr Expr::ilike(const Expr& pattern) const { return binary(*this, "ILIKE", pattern); }
Expr Expr::regexp(const Expr& pattern) const { return binary(*this, "REGEXP", pattern); }
Expr Expr::between(const Expr& low, const Expr& high) const {
  return binary(*this, "BETWEEN", Expr(make_node_list({low.node(), make_literal("AND"), high.node()})));
}
Expr Expr::concat(const Expr& rhs) const { return binary(*this, "||", rhs); }
Expr Expr::bin_and(const Expr& rhs) const { return binary(*this, "&", rhs); }
Expr Expr::bin_or(const Expr& rhs) const { return binary(*this, "|", rhs); }
Expr Expr::distinct() const { return Expr(make_node_list({make_literal("DISTINCT"), node_})); }

Expr operator==(const Expr& lhs, const Expr& rhs) { return is_null_value(rhs) ? null_test(lhs, true) : binary(lhs, "=", rhs); }
Expr operator!=(const Expr& lhs, const Expr& rhs) { return is_null_value(rhs) ? null_test(lhs, false) : binary(lhs, "!=", rhs); }
Expr operator<(const Expr& lhs, const Expr& rhs) { return binary(lhs, "<", rhs); }
Expr operator<=(const Expr& lhs, const Expr& rhs) { return binary(lhs, "<=", rhs); }
Expr operator>(const Expr& lhs, const Expr& rhs) { return binary(lhs, ">", rhs); }
Expr operator>=(const Expr& lhs, const Expr& rhs) { return binary(lhs, ">=", rhs); }
Expr operator&&(const Expr& lhs, const Expr& rhs) { return binary(lhs, "AND", rhs); }
Expr operator||(const Expr& lhs, const Expr& rhs) { return binary(lhs, "OR", rhs); }
Expr operator!(const Expr& operand) { return Expr(std::make_shared<NegatedNode>(operand.node())); }
Expr operator+(const Expr& lhs, const Expr& rhs) { return binary(lhs, "+", rhs); }
Expr operator-(const Expr& lhs, const Expr& rhs) { return binary(lhs, "-", rhs); }
Expr operator*(const Expr& lhs, const Expr& rhs) { return binary(lhs, "*", rhs); }
Expr operator/(const Expr& lhs, const Expr& rhs) { return binary(lhs, "/", rhs); }
Expr operator%(const Expr& lhs, const Expr& rhs) { return binary(lhs, "%", rhs); }
Expr operator&(const Expr& lhs, const Expr& rhs) { return binary(lhs, "&", rhs); }
Expr operator|(const Expr& lhs, const Expr& rhs) { return binary(lhs, "|", rhs); }
Expr operator~(const Expr& operand) { return Expr(std::make_shared<BitNegatedNode>(operand.node())); }

Expr SQL(std::string text, std::vector<Value> params) { return Expr(make_literal(std::move(text), std::move(params))); }
Expr Check(const std::string& constraint) { return SQL("CHECK (" + constraint + ")"); }
Expr Tuple(std::vector<Expr> items) { return Expr(enclosed_list(to_nodes(items))); }

NodeVector to_nodes(const std::vector<Expr>& exprs) {
  NodeVector nodes;
  nodes.reserve(exprs.size());
  for (const Expr& e : exprs) nodes.push_back(e.node());
  return nodes;
}

}  // namespace peewasm
