#include "prepared_select.hpp"

#include <string>

#include "decode_query.hpp"
#include "peewasm/errors.hpp"

namespace peewasm::wasm {
namespace {

using json = Json;

// A value of `like`'s type that no request carries by chance, distinct for each position;
// nullopt for the types that have no such value.
std::optional<Value> probe_like(const Value& like, std::size_t position) {
  const auto n = static_cast<long long>(position);
  switch (like.type()) {
    case ValueType::Integer: return Value(0x7E5700000000LL + n);
    case ValueType::Real: return Value(1234567.0625 + static_cast<double>(n));
    case ValueType::Text: return Value("\x01peewasm probe " + std::to_string(position));
    case ValueType::Blob: return Value(Blob{0x01, 0xFE, static_cast<std::uint8_t>(position)});
    case ValueType::Null:
    case ValueType::Boolean: return std::nullopt;
  }
  return std::nullopt;
}

bool same(const Value& a, const Value& b) { return a.type() == b.type() && a == b; }

}  // namespace

ExprDecoder request_decoder(const json& request, const std::vector<Value>& params, const BoundModels& models) {
  const json* aliases = request.contains("aliases") ? &request["aliases"] : nullptr;
  const json* ctes = request.contains("ctes") ? &request["ctes"] : nullptr;
  return ExprDecoder(models, params, aliases, ctes);
}

ModelSelect decode_request_select(const json& request, const std::vector<Value>& params, const BoundModels& models) {
  return request_decoder(request, params, models).select(request.at("q"));
}

PreparedSelect::PreparedSelect(json request, const std::vector<Value>& first_params, const BoundModels& models)
    : request_(std::move(request)) {
  if (request_.at("run") != "get") throw InterfaceError("only a get request can be prepared");
  compiled_ = compile(request_, first_params, models);
}

std::optional<PreparedSelect::Compiled> PreparedSelect::compile(const json& request, const std::vector<Value>& params,
                                                                const BoundModels& models) {
  std::vector<Value> probes;
  for (std::size_t i = 0; i < params.size(); ++i) {
    auto probe = probe_like(params[i], i);
    if (!probe) return std::nullopt;
    probes.push_back(std::move(*probe));
  }
  ModelSelect select = decode_request_select(request, params, models).paginate(1, 1);
  CompiledSql actual = select.sql();
  const CompiledSql probed = decode_request_select(request, probes, models).paginate(1, 1).sql();
  if (probed.sql != actual.sql || probed.params.size() != actual.params.size()) return std::nullopt;

  std::vector<std::pair<std::size_t, std::size_t>> slots;
  std::vector<bool> landed(params.size(), false);
  for (std::size_t at = 0; at < probed.params.size(); ++at) {
    std::size_t from = 0;
    while (from < probes.size() && !same(probes[from], probed.params[at])) ++from;
    if (from == probes.size()) {
      if (!same(probed.params[at], actual.params[at])) return std::nullopt;  // depends on a value
      continue;
    }
    if (!same(params[from], actual.params[at])) return std::nullopt;  // converted on the way
    slots.emplace_back(at, from);
    landed[from] = true;
  }
  for (const bool used : landed) {
    if (!used) return std::nullopt;
  }
  std::vector<ValueType> types;
  for (const Value& param : params) types.push_back(param.type());
  RowPlan plan(select.node());
  return Compiled{std::move(select), std::move(plan), std::move(actual), std::move(slots), std::move(types)};
}

const CompiledSql* PreparedSelect::bind(std::span<const Value> params) {
  if (!compiled_ || params.size() != compiled_->types.size()) return nullptr;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].type() != compiled_->types[i]) return nullptr;
  }
  for (const auto& [at, from] : compiled_->slots) compiled_->sql.params[at] = params[from];
  return &compiled_->sql;
}

}  // namespace peewasm::wasm
