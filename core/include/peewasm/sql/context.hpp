#pragma once
// SqlContext: Peewee's Context with typed state. Nodes append SQL text and parameters to it;
// state (scope, parentheses, converter...) is pushed by RAII guards.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peewasm/sql/alias_manager.hpp"
#include "peewasm/sql/dialect.hpp"
#include "peewasm/sql/node.hpp"
#include "peewasm/value.hpp"

namespace peewasm {

class Field;

// Where a node is being compiled, which decides how sources and columns render.
enum class Scope {
  Normal,  // "t1"."name"
  Source,  // FROM "user" AS "t1"; also the select list (aliases get "AS")
  Values,  // INSERT/UPDATE/DDL: bare names, "user" and "name"
  Cte,     // inside WITH: CTE definitions
  Column,  // a source referenced from a column: its alias only
};

struct CompileState {
  Scope scope = Scope::Normal;
  bool parentheses = false;
  bool subquery = false;
  bool in_expr = false;
  bool in_function = false;
  int function_arg_count = 0;
  // Values compiled under this state go through this field's db_value (the field on the
  // left of a comparison), as Peewee's converter does.
  const Field* converter = nullptr;
  // Parameters are inlined as SQL literals (CREATE INDEX ... WHERE cannot take parameters).
  bool value_literals = false;
  // Set by an enclosed list of exactly one node: a binary expression directly inside it does
  // not add a second pair of parentheses, so COUNT(a = b) rather than COUNT((a = b)).
  bool sole_enclosed = false;
};

// What a push changes. Everything but parentheses and sole_enclosed is inherited unless given
// (Peewee's rule for parentheses).
struct StateChange {
  std::optional<Scope> scope;
  bool parentheses = false;
  bool sole_enclosed = false;
  std::optional<bool> subquery;
  std::optional<bool> in_expr;
  std::optional<bool> in_function;
  std::optional<int> function_arg_count;
  std::optional<const Field*> converter;
  std::optional<bool> value_literals;
};

// How a value is converted on its way to SQLite.
enum class Convert { Inherit, Never };

class SqlContext {
 public:
  explicit SqlContext(const Dialect& dialect = Dialect::sqlite()) : dialect_(dialect) {}

  class StateGuard {
   public:
    StateGuard(SqlContext& ctx, const StateChange& change);
    ~StateGuard();
    StateGuard(const StateGuard&) = delete;
    StateGuard& operator=(const StateGuard&) = delete;

   private:
    SqlContext& ctx_;
  };

  // Pushes a state; "(" is written now and ")" when the guard dies if parentheses is set.
  [[nodiscard]] StateGuard push(const StateChange& change) { return StateGuard(*this, change); }

  SqlContext& literal(std::string_view text) {
    sql_.append(text);
    return *this;
  }
  SqlContext& sql(const Node& node) {
    node.to_sql(*this);
    return *this;
  }
  SqlContext& sql(const NodePtr& node) { return sql(*node); }
  // A parameter: converted by `field` if given, else by the state's converter unless
  // `convert` is Never.
  SqlContext& value(const Value& v, const Field* field = nullptr, Convert convert = Convert::Inherit);
  // A quoted identifier path: "a"."b".
  SqlContext& entity(std::string_view name);
  SqlContext& entity(std::string_view first, std::string_view second);

  const CompileState& state() const noexcept { return state_; }
  Scope scope() const noexcept { return state_.scope; }
  const Dialect& dialect() const noexcept { return dialect_; }
  AliasManager& aliases() noexcept { return aliases_; }

  const std::string& text() const noexcept { return sql_; }
  const std::vector<Value>& params() const noexcept { return params_; }
  std::vector<Value> take_params() { return std::move(params_); }

 private:
  const Dialect& dialect_;
  std::string sql_;
  std::vector<Value> params_;
  CompileState state_;
  std::vector<CompileState> stack_;
  AliasManager aliases_;
};

// (sql, params) of a node compiled on its own.
struct CompiledSql {
  std::string sql;
  std::vector<Value> params;
  bool operator==(const CompiledSql&) const = default;
};
CompiledSql compile(const Node& node, const Dialect& dialect = Dialect::sqlite());

}  // namespace peewasm
