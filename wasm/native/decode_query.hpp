#pragma once
// Decodes the plain-data query descriptions wasm/js records (as JSON text) into core query
// objects, one function per node kind. The JS builders only record what was asked; every
// meaning (join inference, aliases, conversions, SQL) comes from the core objects built here.
//
// Sources: a model id (a number) or {"a": slot}, an entry of the request's "aliases" table
// ([{"m": id, "n": "name"?}]); each slot is one source identity (self-joins).
// Expressions {"k": kind, ...}:
//   f {s, n}               a field on a source        v {i}          params[i]
//   b {op, l, r}           binary (eq ne lt le gt ge and or add sub mul div mod bitand bitor
//                          concat like ilike regexp in notIn contains startswith endswith)
//   not {e}  inv {e}       NOT / ~                    isnull {e, v}  IS [NOT] NULL
//   between {e, lo, hi}    alias {e, n}               cast {e, t}
//   order {e, desc, nulls?, collation?}               distinct {e}
//   fn {n, a, filter?, over?: {p, o}}                 sql {t, p: [param index]}
//   check {t}              case {p?, w: [[when, then]], o?}
//   list {items}           (a, b, ...)                model {s}      a whole model (select lists)
//   select {...}           a subquery (see below)
//   subc {q, n}            a column of a subquery: q.c(n)
//   ctec {c, n}            a column of a CTE: cte.c(n)
// CTEs: the request's "ctes" table, [{"n": name, "q": select, "rec"?: bool, "cols"?: [names],
// "u"?: [["UNION ALL" | "UNION", select]]}], referred to as {"cte": slot}; one Cte per slot.
// Join sources: a model source, a select (a subquery with an alias), or {"cte": slot}.
// Select: {"k": "select", "m": source, "ops": [[name, args...]]}, the builder calls in order
// ({"k": "select", "cte": slot, "cols": [e], "ops": ...}: SELECT cols FROM a CTE;
//  {"k": "select", "m2m": relation, "ops": ...}: the rows related through a many-to-many
//  relation, as ManyToManyQuery selects them):
//   select [sel]  selectExtend [sel]  where e  orderBy [e]  limit n  offset n
//   paginate page per  distinct bool  groupBy [sel]  having e  alias name
//   join dest type on attr  joinFrom src dest type on attr  switch src?
//   withRelated [load]  withCte [{"cte": slot}]
// Load: {"k": "load", "m": source, "r": relation name, "q"?: select, "per"?: n,
//        "strategy"?: "WHERE" | "JOIN" | "MATERIALIZE"}
// Prefetch subquery: {"q": select, "target"?: model id} (Peewee's (query, Model) pairs).
// Insert {"k": "insert", "m": id, "rows": [[[field, e]]], "conflict"?: "ignore" | "replace"};
//   or {"k": "insert", "m": id, "from": select, "fields": [names]} (INSERT INTO ... SELECT);
// Update {"k": "update", "m": id, "set": [[field, e]], "ops": [[where, e]]};
//   in rows and set, a plain value's e may be its bare param index instead of {"k": "v"}.
// Delete {"k": "delete", "m": id, "ops": [[where, e]]}.
// Instance {"m": id, "set": [[field, param index]]}: a row as the JS instance holds it.
// Relation {"k": "m2m", "i": instance, "r": name}: instance.many_to_many(name).
// Compound {"k": "compound", "op": "UNION" | "UNION ALL" | "INTERSECT" | "EXCEPT", "l": part,
//           "r": part, "order"?: [e], "limit"?: n, "offset"?: n}; a part is a select or a
//           compound. Also an expression (a subquery: IN (a UNION b)).

#include <optional>
#include <vector>

#include "json.hpp"
#include "peewasm/loading/load.hpp"
#include "peewasm/loading/prefetch.hpp"
#include "peewasm/query/compound.hpp"
#include "peewasm/query/cte.hpp"
#include "peewasm/query/many_to_many_query.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/query/write_queries.hpp"
#include "peewasm/schema/model.hpp"
#include "peewasm/value.hpp"

namespace peewasm::wasm {

class BoundModels;

class ExprDecoder {
 public:
  // `aliases`: the request's alias table, if it has one.
  ExprDecoder(const BoundModels& models, const std::vector<Value>& params,
              const Json* aliases = nullptr, const Json* ctes = nullptr);

  Expr expr(const Json& node);
  std::vector<Expr> exprs(const Json& nodes);
  Model source(const Json& ref);
  JoinSource join_source(const Json& ref);
  Cte cte(const Json& ref);
  ModelSelect select(const Json& node);
  CompoundSelect compound(const Json& node);
  Insert insert(const Json& node);
  Update update(const Json& node);
  Delete delete_(const Json& node);
  Instance instance(const Json& node);
  ManyToManyQuery many_to_many(const Json& node);
  const Value& param(const Json& index) const;
  Load load(const Json& node);
  std::vector<PrefetchSubquery> prefetch_subqueries(const Json& nodes);

 private:
  Expr binary(const Json& node);
  Expr function(const Json& node);
  Expr case_(const Json& node);
  Expr literal(const Json& node);
  std::vector<Selection> selections(const Json& nodes);
  ModelSelect apply(const ModelSelect& query, const Json& op);
  FieldValues assignments(const Model& model, const Json& pairs);

  const BoundModels& models_;
  const std::vector<Value>& params_;
  const Json* alias_specs_;
  std::vector<Model> aliases_;  // created on first use, one identity per slot
  const Json* cte_specs_;
  std::vector<std::optional<Cte>> ctes_;
};

JoinType join_type(const Json& name);
PrefetchType prefetch_type(const Json& name);

}  // namespace peewasm::wasm
