// ResultEncoder::encode_graph(): instances the core built, with what is attached to them
// (joined and eagerly loaded rows), as one payload (see encode_result.hpp).

#include "bound_models.hpp"
#include "encode_result.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/instance.hpp"
#include "peewasm/schema/metadata.hpp"

namespace peewasm::wasm {
namespace {
constexpr std::uint8_t kNotLoaded = 9;
}  // namespace

void ResultEncoder::put_instance(const Instance& instance, const BoundModels& models) {
  const Metadata& meta = instance.meta();
  put_u32(static_cast<std::uint32_t>(models.id_of(meta)));
  for (const Field* field : meta.sorted_fields()) {
    if (instance.has(*field)) {
      put_value(instance.get(*field));
    } else {
      out_.push_back(kNotLoaded);
    }
  }
  put_u32(static_cast<std::uint32_t>(instance.extras().size()));
  for (const auto& [name, value] : instance.extras()) {
    put_text(name);
    put_value(value);
  }
  put_u32(static_cast<std::uint32_t>(instance.related_instances().size()));
  for (const auto& [attr, related] : instance.related_instances()) {
    put_text(attr);
    put_instance(related, models);
  }
  put_u32(static_cast<std::uint32_t>(instance.prefetched_rows().size()));
  for (const auto& [name, rows] : instance.prefetched_rows()) {
    put_text(name);
    const Field* fk = meta.find_backref(name);
    put_text(fk ? fk->name() : std::string());
    put_u32(static_cast<std::uint32_t>(rows.size()));
    for (const Instance& row : rows) put_instance(row, models);
  }
}

std::vector<std::uint8_t>& ResultEncoder::encode_graph(const std::vector<Instance>& instances,
                                                       const BoundModels& models) {
  start();
  put_u32(0);  // count: patched
  put_u32(0);  // text offset: patched
  for (const Instance& instance : instances) put_instance(instance, models);
  return finish(static_cast<std::uint32_t>(instances.size()), 0, 4);
}

}  // namespace peewasm::wasm
