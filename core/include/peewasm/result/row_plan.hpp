#pragma once
// RowPlan: how one result row becomes a graph of model instances. Built once per query from
// the selected nodes and the recorded joins (never from column names); applied per row as a
// flat loop over columns.

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

  // One model instance (with its joined instances attached) from one row of values.
  Instance build(const std::vector<Value>& row) const;
  // The key each column has in dicts(): field name, alias, or the expression's SQL.
  const std::vector<std::string>& column_names() const noexcept { return names_; }
  // A column's value as the application sees it (the field's python_value when it is a field).
  Value convert(std::size_t column, const Value& raw) const;

  // The plan itself, for encoders that build the instances elsewhere (the wasm package):
  // targets()[0] is the query's model; a child comes after its parent.
  struct Target {
    const Metadata* meta;
    int parent;        // index of the target this one hangs from; -1 for the query's model
    std::string attr;  // where it hangs on its parent
  };
  struct Column {
    int target;               // which instance receives it
    const Field* field;       // nullptr: an extra attribute named `name`
  };

  const std::vector<Target>& targets() const noexcept { return targets_; }
  const std::vector<Column>& columns() const noexcept { return columns_; }

 private:
  int target_for(const NodePtr& source, const SelectNode& query);

  std::vector<NodePtr> sources_;  // parallel to targets_
  std::vector<Target> targets_;
  std::vector<Column> columns_;
  std::vector<std::string> names_;
};

}  // namespace peewasm
