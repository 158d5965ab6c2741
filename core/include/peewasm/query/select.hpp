#pragma once
// ModelSelect: Peewee's ModelSelect as an immutable value. Every builder returns a new query;
// the query is also an AST node, so it can be used as a subquery anywhere.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "peewasm/result/rows.hpp"
#include "peewasm/schema/instance.hpp"
#include "peewasm/schema/model.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/sql/expression.hpp"
#include "peewasm/sql/node.hpp"

namespace peewasm {

class Database;
class CompoundSelect;
class Cte;
class JoinSource;
class Load;
class PrefetchSubquery;
enum class PrefetchType;

enum class JoinType { Inner, LeftOuter, RightOuter, Full, FullOuter, Cross };
std::string_view to_sql(JoinType type);

// lhs JOIN rhs ON on.
class JoinNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Join;
  JoinNode(NodePtr lhs, NodePtr rhs, JoinType type, NodePtr on)
      : lhs_(std::move(lhs)), rhs_(std::move(rhs)), type_(type), on_(std::move(on)) {}
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  const NodePtr& lhs() const noexcept { return lhs_; }
  const NodePtr& rhs() const noexcept { return rhs_; }

 private:
  NodePtr lhs_;
  NodePtr rhs_;
  JoinType type_;
  NodePtr on_;
};

// A recorded join between two model sources: which foreign key links them and where the
// joined instance goes (the attribute), so results can rebuild the model graph.
struct JoinEdge {
  NodePtr lhs;              // source joined from
  NodePtr rhs;              // source joined to
  const Field* fk = nullptr;  // the foreign key, when the join follows one
  bool backref = false;     // true when fk lives on rhs (joining from the referenced model)
  std::string attr;         // where rhs instances are attached on lhs instances
  JoinType type = JoinType::Inner;
};

// The state of a select; shared, immutable, copied on write by ModelSelect's builders.
class SelectNode final : public Node {
 public:
  static constexpr NodeKind kKind = NodeKind::Select;
  NodeKind kind() const noexcept override { return kKind; }
  void to_sql(SqlContext& ctx) const override;
  NodePtr with_alias(const std::string& name) const override;

  const Metadata* model = nullptr;  // the model rows are built as
  NodePtr model_source;             // its source in this query
  NodeVector columns;               // the select list
  // Model.select() with no columns: inside an expression (x IN (subquery)) Peewee selects only
  // the primary key.
  bool default_columns = false;
  NodePtr from;                     // a source or a JoinNode tree
  std::vector<JoinEdge> joins;
  NodePtr join_context;             // the source the next join() starts from
  NodePtr where;
  NodeVector group_by;
  NodePtr having;
  NodeVector order_by;
  std::optional<Value> limit;
  std::optional<Value> offset;
  bool distinct = false;
  NodeVector ctes;
  std::string alias;  // as a subquery: AS "alias"
  // with_related(): relations loaded after the rows, one query each (never compiled into SQL).
  std::vector<std::shared_ptr<const Load>> loads;

 private:
  void register_sources(SqlContext& ctx) const;
};

class ModelSelect {
 public:
  ModelSelect(const Model& model, std::vector<Selection> columns);

  ModelSelect select(std::vector<Selection> columns) const;
  ModelSelect select_extend(std::vector<Selection> columns) const;
  ModelSelect where(const Expr& condition) const;  // chained calls are ANDed
  // Peewee's filter(user__in=q, title="x"): keyword filters on the query's model, ANDed like
  // where(). A key is a field name with an optional __operator: eq, ne, lt, lte, gt, gte, in,
  // not_in, like, ilike, regexp. Paths across foreign keys (user__username) are refused.
  ModelSelect filter(const std::vector<std::pair<std::string, Expr>>& filters) const;
  ModelSelect order_by(std::vector<Expr> ordering) const;
  ModelSelect limit(std::int64_t n) const;
  ModelSelect offset(std::int64_t n) const;
  ModelSelect paginate(std::int64_t page, std::int64_t per_page = 20) const;
  ModelSelect distinct(bool on = true) const;
  ModelSelect group_by(std::vector<Selection> columns) const;
  ModelSelect having(const Expr& condition) const;
  ModelSelect alias(std::string name) const;

  // Joins `dest` to the current join context. With no `on`, the predicate follows the one
  // foreign key between the two models (either direction); `on` may be a foreign-key field
  // (several FKs to one model) or any expression. `attr` names where joined rows go.
  // `dest` may also be a subquery (with an alias) or a CTE; those need `on`.
  ModelSelect join(const JoinSource& dest, JoinType type = JoinType::Inner, const Expr& on = Expr(),
                   std::string attr = {}) const;
  ModelSelect join_from(const JoinSource& src, const JoinSource& dest, JoinType type = JoinType::Inner,
                        const Expr& on = Expr(), std::string attr = {}) const;
  // Moves the join context back to `model` (default: the query's model).
  ModelSelect switch_(const Model& model = Model()) const;

  // A column of this query used as a subquery: latest.c("max_ts") -> "latest"."max_ts".
  Expr c(std::string column) const;
  // This query as a common table expression, and attaching CTEs to this query (WITH ...).
  Cte cte(std::string name, bool recursive = false, std::vector<std::string> columns = {}) const;
  ModelSelect with_cte(std::vector<Cte> ctes) const;

  CompoundSelect union_(const ModelSelect& rhs) const;
  CompoundSelect union_all(const ModelSelect& rhs) const;
  CompoundSelect intersect(const ModelSelect& rhs) const;
  CompoundSelect except_(const ModelSelect& rhs) const;

  // Eager loading (include peewasm/loading/load.hpp and prefetch.hpp, or peewasm.hpp).
  // with_related(): each Load runs one more query when the rows are fetched, and its rows wait
  // on the instances (Instance::prefetched / related), so reading them runs no query.
  ModelSelect with_related(std::vector<Load> loads) const;
  // A query over a node built by hand (eager loading rewrites relation queries this way).
  static ModelSelect from_node(std::shared_ptr<const SelectNode> node) { return ModelSelect(std::move(node)); }
  // Peewee's query.prefetch(...): this query's rows with the subqueries' rows attached; the
  // type defaults to PrefetchType::Where.
  std::vector<Instance> prefetch(const std::vector<PrefetchSubquery>& subqueries,
                                 PrefetchType type = PrefetchType{}) const;

  std::vector<Instance> execute() const;
  std::vector<DictRow> dicts() const;
  std::vector<std::vector<Value>> tuples() const;
  // Every selected column on the query's model instance, joined models' fields included,
  // under the names dicts() uses (Peewee's objects()).
  std::vector<Instance> objects() const;

  std::int64_t count() const;
  bool exists() const;
  // The first row or nothing (LIMIT 1).
  std::optional<Instance> first() const;
  // The first row, or DoesNotExist.
  Instance get() const;
  // The error get() raises when no row matches: names the model, the SQL and the params.
  DoesNotExist not_found() const;
  // The first column of the first row.
  Value scalar() const;

  CompiledSql sql() const;
  Expr expr() const { return Expr(node_); }
  operator Expr() const { return expr(); }
  const SelectNode& node() const { return *node_; }
  NodePtr node_ptr() const { return node_; }
  Database& database() const;

 private:
  friend class Cte;
  friend class CompoundSelect;
  explicit ModelSelect(std::shared_ptr<const SelectNode> node) : node_(std::move(node)) {}
  // SELECT columns FROM source, rows read as `model` (CTE and compound select_from).
  static ModelSelect over(NodePtr source, const Metadata* model, std::vector<Expr> columns);
  // Copy-on-write: every builder changes a copy of the node.
  template <class Change>
  ModelSelect with(Change change) const {
    auto copy = std::make_shared<SelectNode>(*node_);
    change(*copy);
    return ModelSelect(std::move(copy));
  }

  std::shared_ptr<const SelectNode> node_;
};

// What a join goes to: a model (or alias), a subquery with an alias, or a CTE.
class JoinSource {
 public:
  JoinSource(const Model& model) : source_(model ? model.source() : nullptr), model_(model) {}
  JoinSource(const ModelSelect& subquery) : source_(subquery.node_ptr()) {}
  JoinSource(const Cte& cte);

  const NodePtr& source() const noexcept { return source_; }
  // The model, when the source is one; empty for subqueries and CTEs.
  const Model& model() const noexcept { return model_; }

 private:
  NodePtr source_;
  Model model_;
};

}  // namespace peewasm
