// ModelSelect's joins: the join context, and the ON predicate inferred from foreign keys.

#include <algorithm>

#include "peewasm/query/cte.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/schema/model_nodes.hpp"

namespace peewasm {

namespace {

const Metadata* model_of(const NodePtr& source) {
  return source && source->is<TableNode>() ? &source->as<TableNode>().meta() : nullptr;
}

// The field named by an `on` that is just a field reference (join(User, on=Tweet.user)).
const Field* field_of(const Expr& on) {
  return on.has_value() && on.node()->is<FieldNode>() ? &on.node()->as<FieldNode>().field() : nullptr;
}

// A field on either side of an ON expression that is one of the candidate foreign keys.
const Field* fk_in_expression(const Expr& on, const std::vector<const Field*>& candidates) {
  if (!on.has_value() || !on.node()->is<BinaryNode>()) return nullptr;
  const auto& binary = on.node()->as<BinaryNode>();
  for (const NodePtr& side : {binary.lhs(), binary.rhs()}) {
    if (side->is<FieldNode>()) {
      const Field* field = &side->as<FieldNode>().field();
      if (std::find(candidates.begin(), candidates.end(), field) != candidates.end()) return field;
    }
  }
  return nullptr;
}

std::string names(const std::vector<const Field*>& fields) {
  std::string out;
  for (const Field* field : fields) out += (out.empty() ? "" : ", ") + field->qualified_name();
  return out;
}

// How a join destination that is not a model is named in messages.
std::string describe(const Node& source) {
  if (source.is<CteNode>()) return "CTE \"" + source.as<CteNode>().name() + "\"";
  if (source.is<SelectNode>() && !source.as<SelectNode>().alias.empty()) return "subquery \"" + source.as<SelectNode>().alias + "\"";
  return "a subquery";
}

struct ForeignKeyMatch {
  const Field* fk = nullptr;
  bool backref = false;
};

// Peewee's _generate_on_clause: the foreign key between src and dest, in either direction.
ForeignKeyMatch find_foreign_key(const Metadata& src, const Metadata& dest, const Field* to_field, const Expr& on) {
  std::vector<const Field*> candidates;
  bool backref = false;
  for (const Field* fk : src.foreign_keys()) {
    if (fk->is_resolved() && &fk->rel_model() == &dest) candidates.push_back(fk);
  }
  if (candidates.empty()) {
    for (const Field* fk : dest.foreign_keys()) {
      if (fk->is_resolved() && &fk->rel_model() == &src) candidates.push_back(fk);
    }
    backref = !candidates.empty();
  }
  if (candidates.empty()) {
    if (on.has_value()) return {};
    throw ImproperlyConfigured(src.name() + ".join(" + dest.name() + "): no foreign key between " + src.name() +
                               " and " + dest.name() + "; pass on= with the join condition");
  }
  if (to_field) {
    std::erase_if(candidates, [&](const Field* fk) { return fk != to_field && !(backref && &fk->rel_field() == to_field); });
    if (candidates.empty()) {
      throw ImproperlyConfigured(src.name() + ".join(" + dest.name() + ", on=" + to_field->qualified_name() +
                                 "): that field does not link " + src.name() + " and " + dest.name());
    }
  }
  if (candidates.size() == 1) return {candidates.front(), backref};
  if (!on.has_value()) {
    // Peewee's tie-break: the foreign key named after the destination model.
    std::string dest_name = make_table_name(dest.name(), true);
    for (const Field* fk : candidates) {
      if (fk->name() == dest_name) return {fk, backref};
    }
    throw ImproperlyConfigured(src.name() + ".join(" + dest.name() + "): more than one foreign key between " +
                               src.name() + " and " + dest.name() + " (" + names(candidates) +
                               "); pass on= naming the one to join on");
  }
  return {fk_in_expression(on, candidates), false};
}

}  // namespace

ModelSelect ModelSelect::join(const JoinSource& dest, JoinType type, const Expr& on, std::string attr) const {
  return join_from(Model(), dest, type, on, std::move(attr));
}

ModelSelect ModelSelect::join_from(const JoinSource& src_source, const JoinSource& dest, JoinType type, const Expr& on,
                                   std::string attr) const {
  return with([&](SelectNode& n) {
    NodePtr src = src_source.source() ? src_source.source() : n.join_context;
    const Metadata* src_meta = model_of(src);
    JoinEdge edge{src, dest.source(), nullptr, false, std::move(attr), type};
    NodePtr predicate = on.node();
    // on= an AliasNode names the attribute too (Peewee: on=(...).alias("attr")).
    if (predicate && predicate->is<AliasNode>()) {
      if (edge.attr.empty()) edge.attr = predicate->as<AliasNode>().alias();
      predicate = predicate->as<AliasNode>().node();
    }
    Expr on_expr(predicate);
    if (!dest.model()) {
      // A subquery or a CTE: no foreign key to follow.
      if (!on_expr.has_value() && type != JoinType::Cross) {
        std::string from = src_meta ? src_meta->name() : "the query";
        throw ImproperlyConfigured(from + ".join(" + describe(*dest.source()) +
                                   "): a subquery or CTE has no foreign key to join on; pass on= with the join condition");
      }
    } else if (src_meta && type != JoinType::Cross) {
      const Metadata& dest_meta = dest.model().meta();
      const Field* to_field = field_of(on_expr);
      Expr condition = to_field ? Expr() : on_expr;
      ForeignKeyMatch match = find_foreign_key(*src_meta, dest_meta, to_field, condition);
      edge.fk = match.fk;
      edge.backref = match.backref;
      if (!condition.has_value() && match.fk) {
        Model lhs_model(*src_meta, src), rhs_model(dest_meta, dest.source());
        Expr lhs = match.backref ? rhs_model[match.fk->name()] : lhs_model[match.fk->name()];
        Expr rhs = match.backref ? lhs_model[match.fk->rel_field().name()] : rhs_model[match.fk->rel_field().name()];
        predicate = (lhs == rhs).node();
      } else {
        predicate = condition.node();
      }
      if (edge.attr.empty()) {
        edge.attr = (match.fk && !match.backref) ? match.fk->name() : make_table_name(dest_meta.name(), true);
      }
    } else if (edge.attr.empty()) {
      edge.attr = make_table_name(dest.model().meta().name(), true);
    }
    n.from = std::make_shared<JoinNode>(n.from, dest.source(), type, predicate);
    n.joins.push_back(std::move(edge));
    n.join_context = dest.source();
  });
}

ModelSelect ModelSelect::switch_(const Model& model) const {
  return with([&](SelectNode& n) { n.join_context = model ? model.source() : n.model_source; });
}

}  // namespace peewasm
