#include "peewasm/sql/literal.hpp"

#include "peewasm/sql/context.hpp"

namespace peewasm {

void Literal::to_sql(SqlContext& ctx) const {
  ctx.literal(text_);
  for (const Value& param : params_) ctx.value(param, nullptr, Convert::Never);
}

void EntityNode::to_sql(SqlContext& ctx) const {
  if (path_.size() == 2) {
    ctx.entity(path_[0], path_[1]);
  } else {
    ctx.entity(path_.at(0));
  }
}

void ValueNode::to_sql(SqlContext& ctx) const {
  ctx.value(value_, field_, convert_ ? Convert::Inherit : Convert::Never);
}

NodePtr make_literal(std::string text, std::vector<Value> params) {
  return std::make_shared<Literal>(std::move(text), std::move(params));
}

NodePtr make_entity(std::string name) {
  return std::make_shared<EntityNode>(std::vector<std::string>{std::move(name)});
}

NodePtr make_value(Value value, const Field* field, bool convert) {
  return std::make_shared<ValueNode>(std::move(value), field, convert);
}

}  // namespace peewasm
