#pragma once
// Running a compiled select and reading its rows in one of Peewee's shapes: model graphs,
// dicts, tuples, or flat objects. One row plan per query; one flat loop per row.

#include <string>
#include <utility>
#include <vector>

#include "peewasm/schema/instance.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/value.hpp"

namespace peewasm {

class Database;
class RowPlan;

// One row of dicts(): column name -> value, in select-list order.
using DictRow = std::vector<std::pair<std::string, Value>>;

std::vector<Instance> read_instances(Database& db, const CompiledSql& query, const RowPlan& plan);
std::vector<DictRow> read_dicts(Database& db, const CompiledSql& query, const RowPlan& plan);
std::vector<std::vector<Value>> read_tuples(Database& db, const CompiledSql& query, const RowPlan& plan);
std::vector<Instance> read_objects(Database& db, const CompiledSql& query, const RowPlan& plan);

}  // namespace peewasm
