#pragma once
// Hands a Load's rows to the parents they belong to, matched by raw key value, without marking
// anything dirty: a backref's rows become each parent's list (empty when it has none), a
// foreign key's row becomes each parent's related instance.

#include <vector>

#include "peewasm/loading/load.hpp"

namespace peewasm {

void attach(const Load& load, std::vector<Instance>& parents, const std::vector<Instance>& rows);

}  // namespace peewasm
