#include "attach.hpp"

#include <unordered_map>

#include "peewasm/schema/field.hpp"

namespace peewasm {

namespace {

void attach_backref(const Load& load, std::vector<Instance>& parents, const std::vector<Instance>& rows) {
  const Field& fk = load.foreign_key();
  std::unordered_map<Value, std::vector<Instance>, ValueHash> by_parent_key;
  for (const Instance& row : rows) by_parent_key[row.get(fk)].push_back(row);
  const Field& key = fk.rel_field();
  for (Instance& parent : parents) {
    auto found = by_parent_key.find(parent.get(key));
    std::vector<Instance> children = found == by_parent_key.end() ? std::vector<Instance>{} : found->second;
    for (Instance& child : children) child.link_parent(fk.name(), parent);
    parent.set_prefetched(load.name(), std::move(children));
  }
}

void attach_foreign_key(const Load& load, std::vector<Instance>& parents, const std::vector<Instance>& rows) {
  const Field& fk = load.foreign_key();
  std::unordered_map<Value, Instance, ValueHash> by_key;
  for (const Instance& row : rows) by_key.emplace(row.get(fk.rel_field().name()), row);
  for (Instance& parent : parents) {
    auto found = by_key.find(parent.get(fk.name()));
    if (found != by_key.end()) parent.set_related(fk.name(), found->second);
  }
}

}  // namespace

void attach(const Load& load, std::vector<Instance>& parents, const std::vector<Instance>& rows) {
  if (load.is_backref()) {
    attach_backref(load, parents, rows);
  } else {
    attach_foreign_key(load, parents, rows);
  }
}

}  // namespace peewasm
