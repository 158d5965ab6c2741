#include "restriction.hpp"

#include <memory>
#include <set>
#include <string>

#include "peewasm/query/cte.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model_nodes.hpp"
#include "peewasm/sql/function.hpp"

namespace peewasm {

namespace {

// The column the parents are matched on (a backref: the key the foreign key points at; a
// foreign key: the foreign key itself), and the column of the loaded rows it equals.
const Field& parent_key(const Load& load) { return load.is_backref() ? load.foreign_key().rel_field() : load.foreign_key(); }
const Field& child_key(const Load& load) { return load.is_backref() ? load.foreign_key() : load.foreign_key().rel_field(); }

Expr column(const Field& field, const NodePtr& source) { return Expr(std::make_shared<FieldNode>(field, source)); }
Expr column(const Field& field, const ModelSelect& query) { return column(field, query.node().model_source); }

// The parents' keys as a subquery: SELECT key FROM <parent query>. A parent query with LIMIT or
// OFFSET is wrapped, SELECT "_limited".key FROM (...) AS "_limited", as Peewee 4 does. A
// distinct key list (the JOIN strategy) drops the ORDER BY, which no longer matters.
std::shared_ptr<const SelectNode> parent_keys(const ModelSelect& parent_query, const Field& key, bool distinct) {
  auto keys = std::make_shared<SelectNode>(parent_query.node());
  keys->columns = {column(key, keys->model_source).node()};
  keys->alias.clear();
  keys->loads.clear();
  if (!keys->limit && !keys->offset) {
    if (distinct) {
      keys->distinct = true;
      keys->order_by.clear();
    }
    return keys;
  }
  keys->alias = "_limited";
  auto limited = std::make_shared<SelectNode>();
  limited->model = keys->model;
  limited->from = keys;
  limited->columns = {column(key, keys).node()};
  limited->distinct = distinct;
  return limited;
}

// The parents' keys as read from their instances, first appearance first, without NULLs.
std::vector<Expr> parent_key_values(const Load& load, const std::vector<Instance>& parents) {
  const std::string& name = parent_key(load).name();
  std::vector<Expr> values;
  std::set<Value> seen;
  for (const Instance& parent : parents) {
    Value key = parent.get(name);
    if (!key.is_null() && seen.insert(key).second) values.emplace_back(key);
  }
  return values;
}

// INNER JOIN (SELECT DISTINCT key FROM <parent query>) AS "tN" ON ("tN".key = child.key).
ModelSelect join_parent_keys(const ModelSelect& child, const Load& load, const ModelSelect& parent_query) {
  auto keys = parent_keys(parent_query, parent_key(load), true);
  Expr on = column(parent_key(load), keys) == column(child_key(load), child);
  auto joined = std::make_shared<SelectNode>(child.node());
  joined->from = std::make_shared<JoinNode>(joined->from, keys, JoinType::Inner, on.node());
  return ModelSelect::from_node(std::move(joined));
}

// MAX(x) DESC for x DESC: the ranking groups by row, so each ordering term is aggregated.
NodePtr aggregated(const NodePtr& order) {
  if (order->is<OrderingNode>()) {
    const auto& ordering = order->as<OrderingNode>();
    return std::make_shared<OrderingNode>(fn("MAX", Expr(ordering.node())).node(), ordering.descending(),
                                          ordering.collation(), ordering.nulls());
  }
  return fn("MAX", Expr(order)).node();
}

}  // namespace

std::optional<ModelSelect> restrict_to_parents(const Load& load, const ModelSelect& parent_query,
                                               const std::vector<Instance>& parents) {
  const ModelSelect& child = load.query();
  Expr key = column(child_key(load), child);
  switch (load.options().strategy) {
    case PrefetchType::Where:
      return child.where(key.in_(Expr(parent_keys(parent_query, parent_key(load), false))));
    case PrefetchType::Join:
      return join_parent_keys(child, load, parent_query);
    case PrefetchType::Materialize: {
      std::vector<Expr> values = parent_key_values(load, parents);
      if (values.empty()) return std::nullopt;
      return child.where(key.in_(std::move(values)));
    }
  }
  return std::nullopt;
}

ModelSelect rank_per_parent(const Load& load, const ModelSelect& restricted, std::size_t index) {
  const std::string name = "_load_ranked_" + std::to_string(index);
  const Field& pk = *load.related().primary_key();
  const SelectNode& relation = load.query().node();

  auto ranked = std::make_shared<SelectNode>(restricted.node());
  Expr ranked_pk = column(pk, ranked->model_source);
  Expr partition = column(child_key(load), ranked->model_source);
  Window window{{partition}, {}};
  for (const NodePtr& order : ranked->order_by) window.order_by.emplace_back(aggregated(order));
  if (window.order_by.empty()) window.order_by.push_back(ranked_pk);
  ranked->columns = {ranked_pk.node(), over(fn("ROW_NUMBER"), window).alias("_rn").node()};
  ranked->group_by = {ranked_pk.node(), partition.node()};
  ranked->order_by.clear();
  ranked->limit.reset();
  ranked->offset.reset();
  ranked->loads.clear();
  auto cte = std::make_shared<CteNode>(name, ranked, false, std::vector<std::string>{});

  // The rows themselves come from the relation query's own sources (its joins fill related
  // instances); the ranking already applied its filters.
  Expr rank(std::make_shared<EntityNode>(std::vector<std::string>{name, "_rn"}));
  Expr ranked_key(std::make_shared<EntityNode>(std::vector<std::string>{name, pk.column_name()}));
  auto rows = std::make_shared<SelectNode>(relation);
  rows->ctes.push_back(cte);
  rows->from = std::make_shared<JoinNode>(rows->from, cte, JoinType::Inner,
                                          (column(pk, rows->model_source) == ranked_key).node());
  rows->where = (rank <= Expr(*load.options().per_parent)).node();
  rows->group_by.clear();
  rows->having.reset();
  rows->order_by = {rank.node()};
  return ModelSelect::from_node(std::move(rows));
}

}  // namespace peewasm
