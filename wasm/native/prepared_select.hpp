#pragma once
// PreparedSelect: a "get" request whose only variable is its parameters (getById, lazy loads),
// compiled once. It keeps the select, its RowPlan and SQL, and where each request parameter
// lands among the SQL's parameters; a call then only binds its values.
//
// Where the parameters land is found by compiling the request a second time with probe
// values (distinct, of the same types as the first call's): each probe must come out
// unchanged at its positions, every other parameter (LIMIT 1 OFFSET 0) and the SQL text must
// not move. A request that fails this (a value the core converts, a NULL that becomes IS NULL,
// a boolean, which has no distinct probe) or a call whose value types differ from the first
// call's runs as an ordinary request, decoded again.

#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "json.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/result/row_plan.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/value.hpp"

namespace peewasm::wasm {

class BoundModels;
class ExprDecoder;

// The decoder of a request's parts (its aliases and CTEs apply), over these parameter values.
ExprDecoder request_decoder(const Json& request, const std::vector<Value>& params,
                            const BoundModels& models);
// The query of a "get" or "rows" request (its "q"), decoded with these parameter values.
ModelSelect decode_request_select(const Json& request, const std::vector<Value>& params,
                                  const BoundModels& models);

class PreparedSelect {
 public:
  PreparedSelect(Json request, const std::vector<Value>& first_params, const BoundModels& models);

  const Json& request() const noexcept { return request_; }
  // The compiled form with `params` bound, or nullptr when the request must be decoded again
  // for them. The returned SQL is valid until the next call.
  const CompiledSql* bind(std::span<const Value> params);
  const RowPlan& plan() const { return compiled_->plan; }

 private:
  struct Compiled {
    ModelSelect select;  // owns the nodes the plan points at
    RowPlan plan;
    CompiledSql sql;
    std::vector<std::pair<std::size_t, std::size_t>> slots;  // (SQL param, request param)
    std::vector<ValueType> types;                              // of the request params
  };
  static std::optional<Compiled> compile(const Json& request, const std::vector<Value>& params,
                                         const BoundModels& models);

  Json request_;
  std::optional<Compiled> compiled_;
};

}  // namespace peewasm::wasm
