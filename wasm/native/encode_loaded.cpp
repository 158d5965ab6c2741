// ResultEncoder::encode_loaded(): a select with eager loads as the rows of each of its queries,
// so JS attaches the loaded rows by key and the core builds no instance (see
// encode_result.hpp). Loads JS cannot attach that way go through the core's graph.

#include <cstring>

#include "bound_models.hpp"
#include "encode_result.hpp"
#include "peewasm/loading/eager_loader.hpp"
#include "peewasm/loading/load.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/schema/field.hpp"

namespace peewasm::wasm {
namespace {

void append_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
  const auto at = out.size();
  out.resize(at + 4);
  std::memcpy(out.data() + at, &value, 4);
}

// A payload after its byte length.
void append_part(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& part) {
  append_u32(out, static_cast<std::uint32_t>(part.size()));
  out.insert(out.end(), part.begin(), part.end());
}

// Keys that reach JS as the same number or string on both sides, which a JS Map matches as
// the core matches Values (blobs arrive as byte arrays, datetimes as Dates on one side).
bool key_matches_in_js(const Field& key) {
  switch (key.type()) {
    case FieldType::Auto: case FieldType::BigAuto: case FieldType::Identity: case FieldType::Integer:
    case FieldType::BigInteger: case FieldType::SmallInteger: case FieldType::Char: case FieldType::FixedChar:
    case FieldType::Text:
      return true;
    default:
      return false;
  }
}

// Whether every load is a backref list JS can fill from rows alone: nested loads attach to
// instances of the loaded rows, and Materialize reads the parents' keys from instances.
bool attaches_by_key(const ModelSelect& query) {
  for (const auto& load : query.node().loads) {
    if (!load->is_backref() || !load->query().node().loads.empty()) return false;
    if (load->options().strategy == PrefetchType::Materialize) return false;
    if (!key_matches_in_js(load->foreign_key().rel_field())) return false;
  }
  return true;
}

}  // namespace

std::vector<std::uint8_t>& ResultEncoder::encode_loaded(const ModelSelect& query, const BoundModels& models) {
  loaded_.clear();
  if (!attaches_by_key(query)) {
    append_u32(loaded_, 0);
    const auto& graph = encode_graph(query.execute(), models);
    loaded_.insert(loaded_.end(), graph.begin(), graph.end());
    return loaded_;
  }
  // The same queries, in the same order, as ModelSelect::execute() with its loads.
  const auto& loads = query.node().loads;
  append_u32(loaded_, static_cast<std::uint32_t>(loads.size() + 1));
  append_part(loaded_, encode(query, models));
  for (std::size_t index = 0; index < loads.size(); ++index) {
    const Load& load = *loads[index];
    const std::string& name = load.name();
    append_u32(loaded_, static_cast<std::uint32_t>(name.size()));
    loaded_.insert(loaded_.end(), name.begin(), name.end());
    append_u32(loaded_, static_cast<std::uint32_t>(load.foreign_key().index()));
    append_u32(loaded_, static_cast<std::uint32_t>(load.foreign_key().rel_field().index()));
    // Where and Join restrict by the parent query itself, so no parent instance is needed.
    append_part(loaded_, encode(*load_query(query, index, {}), models));
  }
  return loaded_;
}

}  // namespace peewasm::wasm
