#include "peewasm/result/rows.hpp"

#include "peewasm/db/database.hpp"
#include "peewasm/result/row_plan.hpp"

namespace peewasm {

namespace {
// Calls `read` with each row's raw values (which it may move out).
template <class Read>
void for_each_row(Database& db, const CompiledSql& query, Read read) {
  std::vector<Value> row;
  db.query(query.sql, query.params, [&](const RowView& view) {
    row.resize(view.column_count());
    for (int i = 0; i < view.column_count(); ++i) row[i] = view.column(i);
    read(row);
  });
}
}  // namespace

std::vector<Instance> read_instances(Database& db, const CompiledSql& query, const RowPlan& plan) {
  std::vector<Instance> rows;
  // build() moves the values out; for_each_row refills the row.
  for_each_row(db, query, [&](std::vector<Value>& row) { rows.push_back(plan.build(row)); });
  return rows;
}

std::vector<DictRow> read_dicts(Database& db, const CompiledSql& query, const RowPlan& plan) {
  std::vector<DictRow> rows;
  for_each_row(db, query, [&](const std::vector<Value>& row) { rows.push_back(plan.dict(row)); });
  return rows;
}

std::vector<std::vector<Value>> read_tuples(Database& db, const CompiledSql& query, const RowPlan& plan) {
  std::vector<std::vector<Value>> rows;
  for_each_row(db, query, [&](const std::vector<Value>& row) {
    std::vector<Value> converted;
    converted.reserve(row.size());
    for (std::size_t i = 0; i < row.size(); ++i) converted.push_back(plan.convert(i, row[i]));
    rows.push_back(std::move(converted));
  });
  return rows;
}

std::vector<Instance> read_objects(Database& db, const CompiledSql& query, const RowPlan& plan) {
  std::vector<Instance> rows;
  for_each_row(db, query, [&](const std::vector<Value>& row) { rows.push_back(plan.flat(row)); });
  return rows;
}

}  // namespace peewasm
