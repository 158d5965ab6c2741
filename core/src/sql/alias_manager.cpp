#include "peewasm/sql/alias_manager.hpp"

#include "peewasm/errors.hpp"

namespace peewasm {

const std::string& AliasManager::get(const void* source) {
  auto& current = mapping();
  auto found = current.find(source);
  if (found != current.end()) return found->second;
  return current.emplace(source, "t" + std::to_string(++counter_)).first->second;
}

const std::string& AliasManager::get_any_depth(const void* source) {
  for (std::size_t depth = depth_; depth > 0; --depth) {
    auto found = mappings_[depth - 1].find(source);
    if (found != mappings_[depth - 1].end()) return found->second;
  }
  return get(source);
}

void AliasManager::set(const void* source, std::string alias) { mapping()[source] = std::move(alias); }

void AliasManager::push() {
  ++depth_;
  if (depth_ > mappings_.size()) mappings_.emplace_back();
}

void AliasManager::pop() {
  if (depth_ <= 1) throw ProgrammingError("internal: alias manager popped past its root");
  --depth_;
}

}  // namespace peewasm
