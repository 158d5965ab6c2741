#include "peewasm/result/row_plan.hpp"

#include <algorithm>

#include "peewasm/query/select.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/column.hpp"
#include "peewasm/sql/context.hpp"

namespace peewasm {

int RowPlan::target_for(const NodePtr& source, const SelectNode& query) {
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    if (sources_[i] == source) return static_cast<int>(i);
  }
  // A joined source hangs from the source it was joined from, under the join's attribute.
  for (const JoinEdge& edge : query.joins) {
    if (edge.rhs != source || !source->is<TableNode>()) continue;
    int parent = target_for(edge.lhs, query);
    if (parent < 0) return -1;
    sources_.push_back(source);
    targets_.push_back({&source->as<TableNode>().meta(), parent, edge.attr});
    return static_cast<int>(sources_.size() - 1);
  }
  return -1;
}

void RowPlan::add_column(const Node& node, std::string name, const SelectNode& query) {
  int target = 0;
  const Field* field = nullptr;
  if (node.is<FieldNode>()) {
    const auto& field_node = node.as<FieldNode>();
    if (name.empty()) name = field_node.field().name();
    // A field of a source outside the model graph (a subquery, a CTE) is a plain column.
    target = target_for(field_node.source(), query);
    if (target >= 0) field = &field_node.field();
    target = std::max(target, 0);
  } else if (node.is<ColumnNode>()) {
    const auto& column = node.as<ColumnNode>();
    if (name.empty()) name = column.name();
    // Rows read from a CTE as its model (cte.select_from): a column named like a field fills it.
    if (column.source() == query.model_source && query.model) field = query.model->find_field(column.name());
  } else if (name.empty() && node.is<SelectNode>() && !node.as<SelectNode>().alias.empty()) {
    name = node.as<SelectNode>().alias;  // a subquery column named by its own alias
  } else if (name.empty()) {
    name = compile(node).sql;
  }
  auto found = std::find(keys_.begin(), keys_.end(), name);
  std::size_t key = static_cast<std::size_t>(found - keys_.begin());
  if (found == keys_.end()) keys_.push_back(name);
  columns_.push_back({target, field, std::move(name), key});
}

RowPlan::RowPlan(const SelectNode& query) {
  sources_.push_back(query.model_source);
  targets_.push_back({query.model, -1, ""});
  for (const NodePtr& column : query.columns) {
    const Node* node = column.get();
    std::string name;
    if (node->is<AliasNode>()) {
      name = node->as<AliasNode>().alias();
      node = node->as<AliasNode>().node().get();
    }
    add_column(*node, std::move(name), query);
  }
  // Peewee attaches a joined instance with no values when it is a step towards a selected
  // model: joined from, and it or the model joined from it has selected columns.
  std::vector<char> selected(targets_.size(), 0);
  for (const Column& column : columns_) {
    if (column.field) selected[column.target] = 1;
  }
  for (std::size_t child = 1; child < targets_.size(); ++child) {
    int parent = targets_[child].parent;
    if (parent > 0 && (selected[child] || selected[parent])) targets_[parent].keep_empty = true;
  }
}

Value RowPlan::convert(std::size_t column, const Value& raw) const {
  if (column >= columns_.size()) return raw;
  const Field* field = columns_[column].field;
  return field ? field->python_value(raw) : raw;
}

Instance RowPlan::build(std::span<Value> row) const {
  std::vector<Instance>& instances = row_instances_;
  std::vector<char>& has_value = row_has_value_;
  instances.resize(targets_.size());
  has_value.assign(targets_.size(), 0);
  for (std::size_t t = 0; t < targets_.size(); ++t) instances[t] = Instance::blank(*targets_[t].meta);
  for (std::size_t i = 0; i < row.size() && i < columns_.size(); ++i) {
    const Column& column = columns_[i];
    if (!row[i].is_null()) has_value[column.target] = 1;
    if (column.field) {
      instances[column.target].load_column(*column.field, std::move(row[i]));
    } else {
      instances[column.target].set_extra(column.name, std::move(row[i]));
    }
  }
  // An outer join that matched nothing attaches no empty instance.
  for (std::size_t t = 1; t < targets_.size(); ++t) {
    const Target& target = targets_[t];
    if (has_value[t] || target.keep_empty) instances[target.parent].set_related(target.attr, instances[t]);
  }
  return instances.front();
}

std::vector<std::pair<std::string, Value>> RowPlan::dict(const std::vector<Value>& row) const {
  std::vector<std::pair<std::string, Value>> out;
  out.reserve(keys_.size());
  for (const std::string& key : keys_) out.emplace_back(key, Value());
  for (std::size_t i = 0; i < row.size() && i < columns_.size(); ++i) out[columns_[i].key].second = convert(i, row[i]);
  return out;
}

Instance RowPlan::flat(const std::vector<Value>& row) const {
  Instance instance = Instance::blank(*targets_.front().meta);
  for (std::size_t i = 0; i < row.size() && i < columns_.size(); ++i) {
    const Column& column = columns_[i];
    const Field* own = column.field && column.target == 0 ? column.field : targets_.front().meta->find_field(column.name);
    if (own) {
      instance.load_column(*own, row[i]);
    } else {
      instance.set_extra(column.name, convert(i, row[i]));
    }
  }
  return instance;
}

}  // namespace peewasm
