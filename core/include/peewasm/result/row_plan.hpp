#pragma once
// RowPlan: how one result row becomes a graph of model instances. Built once per query from
// the selected nodes and the recorded joins (never from column names); applied per row as a
// flat loop over columns.

#include <span>
#include <string>
#include <vector>

#include "peewasm/schema/instance.hpp"
#include "peewasm/sql/node.hpp"

namespace peewasm {

class SelectNode;
class Field;
class Metadata;

class RowPlan {
 public:
  explicit RowPlan(const SelectNode& query);

  // One model instance (with its joined instances attached) from one row of values. The
  // values are moved out of `row` (the caller refills it for the next row).
  Instance build(std::span<Value> row) const;
  // The key each column has in dicts(): field name, alias, or the expression's SQL.
  const std::vector<std::string>& column_names() const noexcept { return names_; }
  // A column's value as the application sees it (the field's python_value when it is a field).
  Value convert(std::size_t column, const Value& raw) const;

 private:
  struct Target {
    const Metadata* meta;
    int parent;        // index of the target this one hangs from; -1 for the query's model
    std::string attr;  // where it hangs on its parent
  };
  struct Column {
    int target;               // which instance receives it
    const Field* field;       // nullptr: an extra attribute named `name`
  };

  int target_for(const NodePtr& source, const SelectNode& query);

  std::vector<NodePtr> sources_;  // parallel to targets_
  std::vector<Target> targets_;
  std::vector<Column> columns_;
  std::vector<std::string> names_;
  // build()'s per-row work space, kept so rows allocate only their instances.
  mutable std::vector<Instance> row_instances_;
  mutable std::vector<char> row_has_value_;
};

}  // namespace peewasm
