#include <algorithm>

#include "peewasm/db/database.hpp"
#include "peewasm/query/write_queries.hpp"
#include "peewasm/schema/model.hpp"

namespace peewasm {
namespace {

// A model keeps the INSERTs of at most this many row counts; past it, other counts compile
// every time (a caller inserting ever other row counts would otherwise grow the cache
// without end).
constexpr std::size_t kMaxRowCounts = 16;

}  // namespace

// The SQL of insert_many depends only on which fields are given and how many rows there are,
// so it is compiled the first time that pair is seen; later calls bind their values converted
// as the compiler converts them (the column's db_value, defaults for the columns not given).
// A column that wraps its value in a function (JSONField's json(?), bare when NULL) makes the
// text depend on the value: such sets of fields compile every time.
std::int64_t Model::insert_plain(const std::vector<const Field*>& fields, std::span<const Value> rows) const {
  const Metadata& m = meta();
  Database& db = m.bound_database();
  const std::size_t width = m.sorted_fields().size();
  const std::size_t row_count = width == 0 ? 0 : rows.size() / width;
  const auto given = [&](const Field* field) { return std::find(fields.begin(), fields.end(), field) != fields.end(); };
  InsertShapes& shapes = m.insert_shapes();
  const auto by_count = shapes.find(row_count);
  if (by_count != shapes.end()) {
    if (auto found = by_count->second.find(fields); found != by_count->second.end()) {
      const std::vector<const Field*>& columns = found->second.columns;
      std::vector<Value> params;
      params.reserve(columns.size() * row_count);
      for (std::size_t row = 0; row < row_count; ++row) {
        const Value* values = rows.data() + row * width;
        for (const Field* column : columns) {
          if (given(column)) {
            params.push_back(column->db_value(values[column->index()]));
          } else if (std::optional<Value> value = column->make_default()) {
            params.push_back(column->db_value(*value));
          } else {
            break;  // compiled below, which raises insert_many's error
          }
        }
      }
      if (params.size() == columns.size() * row_count) {
        db.execute(found->second.sql, params);
        return db.last_insert_rowid();
      }
    }
  }
  std::vector<FieldValues> named(row_count);
  for (std::size_t row = 0; row < row_count; ++row) {
    for (const Field* field : fields) named[row].emplace_back(field->name(), rows[row * width + field->index()]);
  }
  const Insert insert = insert_many(named);
  CompiledSql compiled = insert.sql();
  const auto& columns = insert.node().columns;
  const bool plain = compiled.params.size() == columns.size() * row_count &&
                     std::none_of(columns.begin(), columns.end(), [](const Field* column) { return !column->db_function().empty(); });
  if (plain && (by_count != shapes.end() || shapes.size() < kMaxRowCounts)) {
    shapes[row_count].insert_or_assign(fields, InsertShape{compiled.sql, columns});
  }
  db.execute(compiled.sql, compiled.params);
  return db.last_insert_rowid();
}

}  // namespace peewasm
