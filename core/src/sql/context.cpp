#include "peewasm/sql/context.hpp"

#include "peewasm/schema/field.hpp"

namespace peewasm {

SqlContext::StateGuard::StateGuard(SqlContext& ctx, const StateChange& change) : ctx_(ctx) {
  ctx.stack_.push_back(ctx.state_);
  CompileState& s = ctx.state_;
  if (change.scope) s.scope = *change.scope;
  s.parentheses = change.parentheses;
  s.sole_enclosed = change.sole_enclosed;
  if (change.subquery) s.subquery = *change.subquery;
  if (change.in_expr) s.in_expr = *change.in_expr;
  if (change.in_function) s.in_function = *change.in_function;
  if (change.function_arg_count) s.function_arg_count = *change.function_arg_count;
  if (change.converter) s.converter = *change.converter;
  if (change.value_literals) s.value_literals = *change.value_literals;
  if (s.parentheses) ctx.literal("(");
}

SqlContext::StateGuard::~StateGuard() {
  if (ctx_.state_.parentheses) ctx_.literal(")");
  ctx_.state_ = ctx_.stack_.back();
  ctx_.stack_.pop_back();
}

SqlContext& SqlContext::value(const Value& v, const Field* field, Convert convert) {
  const Field* converter = field;
  if (!converter && convert == Convert::Inherit) converter = state_.converter;
  Value converted = converter ? converter->db_value(v) : v;
  // Peewee's db_value may return a function call (JSONField: json(?)); NULL stays bare.
  const std::string_view function = converter && !converted.is_null() ? converter->db_function() : "";
  if (!function.empty()) literal(function).literal("(");
  if (state_.value_literals) {
    literal(converted.to_sql_literal());
  } else {
    params_.push_back(std::move(converted));
    literal(dialect_.param);
  }
  if (!function.empty()) literal(")");
  return *this;
}

namespace {
void append_quoted(std::string& out, std::string_view name, char quote) {
  out.push_back(quote);
  for (char c : name) {
    if (c == quote) out.push_back(quote);  // "" escapes a quote inside a name
    out.push_back(c);
  }
  out.push_back(quote);
}
}  // namespace

SqlContext& SqlContext::entity(std::string_view name) {
  append_quoted(sql_, name, dialect_.quote);
  return *this;
}

SqlContext& SqlContext::entity(std::string_view first, std::string_view second) {
  append_quoted(sql_, first, dialect_.quote);
  sql_.push_back('.');
  append_quoted(sql_, second, dialect_.quote);
  return *this;
}

CompiledSql compile(const Node& node, const Dialect& dialect) {
  SqlContext ctx(dialect);
  ctx.sql(node);
  return {ctx.text(), ctx.take_params()};
}

}  // namespace peewasm
