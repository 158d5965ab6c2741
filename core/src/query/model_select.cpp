#include <algorithm>

#include "peewasm/db/database.hpp"
#include "peewasm/loading/eager_loader.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/query/write_queries.hpp"
#include "peewasm/result/row_plan.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/function.hpp"
#include "peewasm/sql/literal.hpp"

namespace peewasm {

namespace {

NodeVector expand(const std::vector<Selection>& columns) {
  NodeVector nodes;
  for (const Selection& selection : columns) {
    if (const Model* model = selection.model()) {
      for (const Field* field : model->meta().sorted_fields()) {
        nodes.push_back(std::make_shared<FieldNode>(*field, model->source()));
      }
    } else {
      nodes.push_back(selection.expression().node());
    }
  }
  return nodes;
}

// Python's repr of a parameter list, for DoesNotExist messages: ['alice', 1, 0].
std::string params_repr(const std::vector<Value>& params) {
  std::string out = "[";
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i) out += ", ";
    out += params[i].is_text() ? "'" + params[i].as_text() + "'" : params[i].to_string();
  }
  return out + "]";
}

}  // namespace

ModelSelect::ModelSelect(const Model& model, std::vector<Selection> columns) {
  auto node = std::make_shared<SelectNode>();
  node->model = &model.meta();
  node->model_source = model.source();
  node->from = model.source();
  node->join_context = model.source();
  node->columns = expand(columns.empty() ? std::vector<Selection>{model} : columns);
  node_ = std::move(node);
}

ModelSelect ModelSelect::select(std::vector<Selection> columns) const {
  return with([&](SelectNode& n) { n.columns = expand(columns); });
}

ModelSelect ModelSelect::select_extend(std::vector<Selection> columns) const {
  return with([&](SelectNode& n) {
    NodeVector more = expand(columns);
    n.columns.insert(n.columns.end(), more.begin(), more.end());
  });
}

ModelSelect ModelSelect::where(const Expr& condition) const {
  return with([&](SelectNode& n) { n.where = and_where(n.where, condition); });
}

ModelSelect ModelSelect::order_by(std::vector<Expr> ordering) const {
  return with([&](SelectNode& n) { n.order_by = to_nodes(ordering); });
}

ModelSelect ModelSelect::limit(std::int64_t count) const {
  return with([&](SelectNode& n) { n.limit = Value(count); });
}

ModelSelect ModelSelect::offset(std::int64_t count) const {
  return with([&](SelectNode& n) { n.offset = Value(count); });
}

ModelSelect ModelSelect::paginate(std::int64_t page, std::int64_t per_page) const {
  if (page > 0) --page;
  return with([&](SelectNode& n) {
    n.limit = Value(per_page);
    n.offset = Value(page * per_page);
  });
}

ModelSelect ModelSelect::distinct(bool on) const {
  return with([&](SelectNode& n) { n.distinct = on; });
}

ModelSelect ModelSelect::group_by(std::vector<Selection> columns) const {
  return with([&](SelectNode& n) { n.group_by = expand(columns); });
}

ModelSelect ModelSelect::having(const Expr& condition) const {
  return with([&](SelectNode& n) { n.having = and_where(n.having, condition); });
}

ModelSelect ModelSelect::alias(std::string name) const {
  return with([&](SelectNode& n) { n.alias = std::move(name); });
}

Database& ModelSelect::database() const { return node_->model->bound_database(); }

CompiledSql ModelSelect::sql() const { return compile(*node_); }

std::vector<Instance> ModelSelect::execute() const {
  std::vector<Instance> instances = read_instances(database(), sql(), RowPlan(*node_));
  if (!node_->loads.empty()) load_related(*this, instances);
  return instances;
}

std::vector<DictRow> ModelSelect::dicts() const { return read_dicts(database(), sql(), RowPlan(*node_)); }

std::vector<std::vector<Value>> ModelSelect::tuples() const { return read_tuples(database(), sql(), RowPlan(*node_)); }

std::vector<Instance> ModelSelect::objects() const { return read_objects(database(), sql(), RowPlan(*node_)); }

std::int64_t ModelSelect::count() const {
  // SELECT COUNT(1) FROM (<this query, unordered, selecting 1>) AS "_wrapped" LIMIT 1.
  auto inner = std::make_shared<SelectNode>(*node_);
  inner->order_by.clear();
  inner->alias = "_wrapped";
  if (!inner->having && !inner->distinct) inner->columns = {make_literal("1")};
  auto outer = std::make_shared<SelectNode>();
  outer->model = node_->model;
  outer->from = inner;
  outer->columns = {fn("COUNT", SQL("1")).node()};
  outer->limit = Value(1);
  CompiledSql compiled = compile(*outer);
  auto rows = database().query_all(compiled.sql, compiled.params);
  return rows.empty() ? 0 : rows.front().front().as_int();
}

bool ModelSelect::exists() const {
  auto probe = std::make_shared<SelectNode>(*node_);
  probe->columns = {make_literal("1")};
  probe->limit = Value(1);
  probe->offset.reset();
  CompiledSql compiled = compile(*probe);
  return !database().query_all(compiled.sql, compiled.params).empty();
}

std::optional<Instance> ModelSelect::first() const {
  auto rows = limit(1).execute();
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

Instance ModelSelect::get() const {
  auto rows = paginate(1, 1).execute();
  if (rows.empty()) throw not_found();
  return rows.front();
}

DoesNotExist ModelSelect::not_found() const {
  CompiledSql compiled = paginate(1, 1).sql();
  return DoesNotExist("<Model: " + node_->model->name() + "> instance matching query does not exist:\nSQL: " +
                      compiled.sql + "\nParams: " + params_repr(compiled.params));
}

Value ModelSelect::scalar() const {
  auto rows = tuples();
  if (rows.empty() || rows.front().empty()) return Value();
  return rows.front().front();
}

}  // namespace peewasm
