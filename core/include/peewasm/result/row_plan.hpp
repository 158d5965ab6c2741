#pragma once
// RowPlan: how one result row becomes a graph of model instances, a dict or a flat object.
// Built once per query from the selected nodes and the recorded joins (never from column
// names); applied per row as a flat loop over columns.

#include <span>
#include <string>
#include <utility>
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
  // Peewee's dicts(): each column under its name (field name, alias, or column name); a name
  // selected twice keeps its first position and the last value.
  std::vector<std::pair<std::string, Value>> dict(const std::vector<Value>& row) const;
  // Peewee's objects(): the query's model with every column set on it by the same names; a
  // joined model's field named like one of the model's own fields overwrites it.
  Instance flat(const std::vector<Value>& row) const;
  // A column's value as the application sees it (the field's python_value when it is a field).
  Value convert(std::size_t column, const Value& raw) const;

  // The plan itself, for encoders that build the instances elsewhere (the wasm package):
  // targets()[0] is the query's model; a child comes after its parent.
  struct Target {
    const Metadata* meta;
    int parent;        // index of the target this one hangs from; -1 for the query's model
    std::string attr;  // where it hangs on its parent
    // Attached even when all its columns are NULL: Peewee keeps a joined instance that is a
    // step towards a selected model.
    bool keep_empty = false;
  };
  struct Column {
    int target;           // which instance receives it
    const Field* field;   // nullptr: an extra attribute named `name`
    std::string name;     // its key in dicts() and objects()
    std::size_t key;      // index of its name among the distinct names
  };

  const std::vector<Target>& targets() const noexcept { return targets_; }
  const std::vector<Column>& columns() const noexcept { return columns_; }

 private:
  int target_for(const NodePtr& source, const SelectNode& query);
  void add_column(const Node& node, std::string name, const SelectNode& query);

  std::vector<NodePtr> sources_;  // parallel to targets_
  std::vector<Target> targets_;
  std::vector<Column> columns_;
  std::vector<std::string> keys_;  // distinct column names in first-seen order
  // build()'s per-row work space, kept so rows allocate only their instances.
  mutable std::vector<Instance> row_instances_;
  mutable std::vector<char> row_has_value_;
};

}  // namespace peewasm
