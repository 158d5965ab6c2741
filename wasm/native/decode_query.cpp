#include "decode_query.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>

#include "bound_models.hpp"
#include "peewasm/errors.hpp"
#include "peewasm/sql/function.hpp"

namespace peewasm::wasm {
namespace {

using json = Json;

const std::string& text_of(const Value& value, const char* what) {
  if (!value.is_text()) {
    throw DataError(std::string(what) + "() takes a string, not a " + std::string(to_string(value.type())));
  }
  return value.as_text();
}

// The optional ON expression and attribute name of a join.
Expr optional_expr(ExprDecoder& d, const json& node) { return node.is_null() ? Expr() : d.expr(node); }
std::string attr(const json& node) { return node.is_string() ? node.get<std::string>() : std::string(); }

Nulls nulls_of(const json& node) {
  auto nulls = node.find("nulls");
  if (nulls == node.end() || !nulls->is_string()) return Nulls::Default;
  return nulls->get<std::string>() == "first" ? Nulls::First : Nulls::Last;
}

}  // namespace

JoinType join_type(const json& name) {
  static const std::map<std::string, JoinType, std::less<>> types{
      {"INNER", JoinType::Inner}, {"LEFT OUTER", JoinType::LeftOuter}, {"RIGHT OUTER", JoinType::RightOuter},
      {"FULL", JoinType::Full},   {"FULL OUTER", JoinType::FullOuter}, {"CROSS", JoinType::Cross}};
  if (name.is_null()) return JoinType::Inner;
  auto found = types.find(name.get<std::string>());
  if (found == types.end()) {
    throw ImproperlyConfigured("unknown join type " + name.dump() + "; use JOIN.INNER, JOIN.LEFT_OUTER, ...");
  }
  return found->second;
}

PrefetchType prefetch_type(const json& name) {
  if (name.is_null()) return PrefetchType::Where;
  if (name == "WHERE") return PrefetchType::Where;
  if (name == "JOIN") return PrefetchType::Join;
  if (name == "MATERIALIZE") return PrefetchType::Materialize;
  throw ImproperlyConfigured("unknown prefetch type " + name.dump() +
                             "; use PREFETCH_TYPE.WHERE, PREFETCH_TYPE.JOIN or PREFETCH_TYPE.MATERIALIZE");
}

ExprDecoder::ExprDecoder(const BoundModels& models, const std::vector<Value>& params, const json* aliases,
                         const json* ctes)
    : models_(models), params_(params), alias_specs_(aliases), cte_specs_(ctes) {}

Cte ExprDecoder::cte(const json& ref) {
  const auto slot = ref.at("cte").get<std::size_t>();
  if (!cte_specs_ || slot >= cte_specs_->size()) throw InterfaceError("query description refers to a missing CTE");
  if (ctes_.size() <= slot) ctes_.resize(slot + 1);
  if (!ctes_[slot]) {
    const json& spec = (*cte_specs_)[slot];
    Cte made = select(spec.at("q")).cte(spec.at("n").get<std::string>(), spec.value("rec", false),
                                        spec.value("cols", std::vector<std::string>()));
    for (const json& part : spec.value("u", json::array())) {
      made = part.at(0) == "UNION" ? made.union_(select(part.at(1))) : made.union_all(select(part.at(1)));
    }
    ctes_[slot] = std::move(made);
  }
  return *ctes_[slot];
}

JoinSource ExprDecoder::join_source(const json& ref) {
  if (ref.is_object() && ref.contains("cte")) return cte(ref);
  if (ref.is_object() && ref.contains("k")) return select(ref);
  return source(ref);
}

const Value& ExprDecoder::param(const json& index) const {
  const auto i = index.get<std::size_t>();
  if (i >= params_.size()) throw InterfaceError("query description refers to a missing parameter");
  return params_[i];
}

Model ExprDecoder::source(const json& ref) {
  if (ref.is_number()) return models_.model(ref.get<std::size_t>());
  const auto slot = ref.at("a").get<std::size_t>();
  if (!alias_specs_ || slot >= alias_specs_->size()) throw InterfaceError("query description refers to a missing alias");
  if (aliases_.size() <= slot) aliases_.resize(slot + 1);
  if (!aliases_[slot]) {
    const json& spec = (*alias_specs_)[slot];
    aliases_[slot] = models_.model(spec.at("m").get<std::size_t>()).alias(spec.value("n", std::string()));
  }
  return aliases_[slot];
}

std::vector<Expr> ExprDecoder::exprs(const json& nodes) {
  std::vector<Expr> out;
  out.reserve(nodes.size());
  for (const json& node : nodes) out.push_back(expr(node));
  return out;
}

Expr ExprDecoder::expr(const json& node) {
  // Plain function pointers, not std::function: each std::function type costs the module
  // its own copy of the type-erasure machinery.
  using Decode = Expr (*)(ExprDecoder&, const json&);
  static const std::map<std::string, Decode, std::less<>> kinds{
      {"f", [](ExprDecoder& d, const json& n) { return d.source(n.at("s"))[n.at("n").get<std::string>()]; }},
      {"v", [](ExprDecoder& d, const json& n) { return Expr(d.param(n.at("i"))); }},
      {"b", [](ExprDecoder& d, const json& n) { return d.binary(n); }},
      {"not", [](ExprDecoder& d, const json& n) { return !d.expr(n.at("e")); }},
      {"inv", [](ExprDecoder& d, const json& n) { return ~d.expr(n.at("e")); }},
      {"isnull", [](ExprDecoder& d, const json& n) { return d.expr(n.at("e")).is_null(n.value("v", true)); }},
      {"between",
       [](ExprDecoder& d, const json& n) { return d.expr(n.at("e")).between(d.expr(n.at("lo")), d.expr(n.at("hi"))); }},
      {"alias", [](ExprDecoder& d, const json& n) { return d.expr(n.at("e")).alias(n.at("n").get<std::string>()); }},
      {"cast", [](ExprDecoder& d, const json& n) { return d.expr(n.at("e")).cast(n.at("t").get<std::string>()); }},
      {"order",
       [](ExprDecoder& d, const json& n) {
         Expr e = d.expr(n.at("e"));
         if (auto collation = n.find("collation"); collation != n.end() && collation->is_string()) {
           e = e.collate(collation->get<std::string>());
         }
         return n.value("desc", false) ? e.desc(nulls_of(n)) : e.asc(nulls_of(n));
       }},
      {"distinct", [](ExprDecoder& d, const json& n) { return d.expr(n.at("e")).distinct(); }},
      {"fn", [](ExprDecoder& d, const json& n) { return d.function(n); }},
      {"sql", [](ExprDecoder& d, const json& n) { return d.literal(n); }},
      {"check", [](ExprDecoder&, const json& n) { return Check(n.at("t").get<std::string>()); }},
      {"case", [](ExprDecoder& d, const json& n) { return d.case_(n); }},
      {"list", [](ExprDecoder& d, const json& n) { return Tuple(d.exprs(n.at("items"))); }},
      {"select", [](ExprDecoder& d, const json& n) { return d.select(n).expr(); }},
      {"compound", [](ExprDecoder& d, const json& n) { return d.compound(n).expr(); }},
      {"subc", [](ExprDecoder& d, const json& n) { return d.select(n.at("q")).c(n.at("n").get<std::string>()); }},
      {"ctec", [](ExprDecoder& d, const json& n) { return d.cte(n.at("c")).c(n.at("n").get<std::string>()); }},
  };
  const std::string& kind = node.at("k").get_ref<const std::string&>();
  auto found = kinds.find(kind);
  if (found == kinds.end()) throw InterfaceError("unknown expression kind \"" + kind + "\" in a query description");
  return found->second(*this, node);
}

Expr ExprDecoder::binary(const json& node) {
  using Operator = Expr (*)(ExprDecoder&, const Expr&, const json&);
  // rhs arrives decoded, except for the operators whose right side is not an expression.
  static const std::map<std::string, Operator, std::less<>> operators{
      {"eq", [](ExprDecoder& d, const Expr& l, const json& r) { return l == d.expr(r); }},
      {"ne", [](ExprDecoder& d, const Expr& l, const json& r) { return l != d.expr(r); }},
      {"lt", [](ExprDecoder& d, const Expr& l, const json& r) { return l < d.expr(r); }},
      {"le", [](ExprDecoder& d, const Expr& l, const json& r) { return l <= d.expr(r); }},
      {"gt", [](ExprDecoder& d, const Expr& l, const json& r) { return l > d.expr(r); }},
      {"ge", [](ExprDecoder& d, const Expr& l, const json& r) { return l >= d.expr(r); }},
      {"and", [](ExprDecoder& d, const Expr& l, const json& r) { return l && d.expr(r); }},
      {"or", [](ExprDecoder& d, const Expr& l, const json& r) { return l || d.expr(r); }},
      {"add", [](ExprDecoder& d, const Expr& l, const json& r) { return l + d.expr(r); }},
      {"sub", [](ExprDecoder& d, const Expr& l, const json& r) { return l - d.expr(r); }},
      {"mul", [](ExprDecoder& d, const Expr& l, const json& r) { return l * d.expr(r); }},
      {"div", [](ExprDecoder& d, const Expr& l, const json& r) { return l / d.expr(r); }},
      {"mod", [](ExprDecoder& d, const Expr& l, const json& r) { return l % d.expr(r); }},
      {"bitand", [](ExprDecoder& d, const Expr& l, const json& r) { return l & d.expr(r); }},
      {"bitor", [](ExprDecoder& d, const Expr& l, const json& r) { return l | d.expr(r); }},
      {"concat", [](ExprDecoder& d, const Expr& l, const json& r) { return l.concat(d.expr(r)); }},
      {"like", [](ExprDecoder& d, const Expr& l, const json& r) { return l.like(d.expr(r)); }},
      {"ilike", [](ExprDecoder& d, const Expr& l, const json& r) { return l.ilike(d.expr(r)); }},
      {"regexp", [](ExprDecoder& d, const Expr& l, const json& r) { return l.regexp(d.expr(r)); }},
      {"in",
       [](ExprDecoder& d, const Expr& l, const json& r) {
         return r.at("k") == "list" ? l.in_(d.exprs(r.at("items"))) : l.in_(d.expr(r));
       }},
      {"notIn",
       [](ExprDecoder& d, const Expr& l, const json& r) {
         return r.at("k") == "list" ? l.not_in(d.exprs(r.at("items"))) : l.not_in(d.expr(r));
       }},
      {"contains",
       [](ExprDecoder& d, const Expr& l, const json& r) { return l.contains(text_of(d.param(r.at("i")), "contains")); }},
      {"startswith",
       [](ExprDecoder& d, const Expr& l, const json& r) {
         return l.startswith(text_of(d.param(r.at("i")), "startswith"));
       }},
      {"endswith",
       [](ExprDecoder& d, const Expr& l, const json& r) { return l.endswith(text_of(d.param(r.at("i")), "endswith")); }},
  };
  const std::string& op = node.at("op").get_ref<const std::string&>();
  auto found = operators.find(op);
  if (found == operators.end()) throw InterfaceError("unknown operator \"" + op + "\" in a query description");
  Expr lhs = expr(node.at("l"));
  return found->second(*this, lhs, node.at("r"));
}

Expr ExprDecoder::function(const json& node) {
  Expr call = fn(node.at("n").get<std::string>(), exprs(node.at("a")));
  if (auto where = node.find("filter"); where != node.end() && !where->is_null()) call = filter(call, expr(*where));
  if (auto window = node.find("over"); window != node.end() && !window->is_null()) {
    call = over(call, Window{exprs(window->value("p", json::array())), exprs(window->value("o", json::array()))});
  }
  return call;
}

Expr ExprDecoder::case_(const json& node) {
  std::vector<std::pair<Expr, Expr>> whens;
  for (const json& pair : node.at("w")) whens.emplace_back(expr(pair.at(0)), expr(pair.at(1)));
  auto optional = [&](const char* key) {
    auto found = node.find(key);
    return found == node.end() || found->is_null() ? Expr() : expr(*found);
  };
  return Case(optional("p"), whens, optional("o"));
}

Expr ExprDecoder::literal(const json& node) {
  std::vector<Value> values;
  for (const json& index : node.value("p", json::array())) values.push_back(param(index));
  return SQL(node.at("t").get<std::string>(), std::move(values));
}

std::vector<Selection> ExprDecoder::selections(const json& nodes) {
  std::vector<Selection> out;
  for (const json& node : nodes) {
    if (node.at("k") == "model") {
      out.emplace_back(source(node.at("s")));
    } else {
      out.emplace_back(expr(node));
    }
  }
  return out;
}

ModelSelect ExprDecoder::select(const json& node) {
  ModelSelect query = node.contains("cte")   ? cte(node.at("cte")).select_from(exprs(node.at("cols")))
                      : node.contains("m2m") ? many_to_many(node.at("m2m"))
                                             : source(node.at("m")).select();
  for (const json& op : node.at("ops")) query = apply(query, op);
  return query;
}

CompoundSelect ExprDecoder::compound(const json& node) {
  static const std::set<std::string, std::less<>> operators{"UNION", "UNION ALL", "INTERSECT", "EXCEPT"};
  const std::string& op = node.at("op").get_ref<const std::string&>();
  if (!operators.contains(op)) throw InterfaceError("unknown compound operator \"" + op + "\" in a query description");
  auto part = [this](const json& side) {
    return side.at("k") == "compound" ? compound(side).node_ptr() : select(side).node_ptr();
  };
  CompoundSelect query(part(node.at("l")), op, part(node.at("r")));
  if (auto order = node.find("order"); order != node.end() && !order->is_null()) query = query.order_by(exprs(*order));
  if (auto limit = node.find("limit"); limit != node.end() && !limit->is_null()) query = query.limit(limit->get<std::int64_t>());
  if (auto offset = node.find("offset"); offset != node.end() && !offset->is_null()) {
    query = query.offset(offset->get<std::int64_t>());
  }
  return query;
}

ModelSelect ExprDecoder::apply(const ModelSelect& query, const json& op) {
  using Builder = ModelSelect (*)(ExprDecoder&, const ModelSelect&, const json&);
  static const std::map<std::string, Builder, std::less<>> builders{
      {"select", [](ExprDecoder& d, const ModelSelect& q, const json& o) { return q.select(d.selections(o.at(1))); }},
      {"selectExtend",
       [](ExprDecoder& d, const ModelSelect& q, const json& o) { return q.select_extend(d.selections(o.at(1))); }},
      {"where", [](ExprDecoder& d, const ModelSelect& q, const json& o) { return q.where(d.expr(o.at(1))); }},
      {"filter",  // ["filter", [key, ...], [value, ...]]
       [](ExprDecoder& d, const ModelSelect& q, const json& o) {
         std::vector<std::pair<std::string, Expr>> filters;
         const std::vector<Expr> values = d.exprs(o.at(2));
         for (std::size_t i = 0; i < values.size(); ++i) filters.emplace_back(o.at(1).at(i).get<std::string>(), values[i]);
         return q.filter(filters);
       }},
      {"orderBy", [](ExprDecoder& d, const ModelSelect& q, const json& o) { return q.order_by(d.exprs(o.at(1))); }},
      {"limit", [](ExprDecoder&, const ModelSelect& q, const json& o) { return q.limit(o.at(1).get<std::int64_t>()); }},
      {"offset", [](ExprDecoder&, const ModelSelect& q, const json& o) { return q.offset(o.at(1).get<std::int64_t>()); }},
      {"paginate",
       [](ExprDecoder&, const ModelSelect& q, const json& o) {
         return q.paginate(o.at(1).get<std::int64_t>(), o.at(2).get<std::int64_t>());
       }},
      {"distinct", [](ExprDecoder&, const ModelSelect& q, const json& o) { return q.distinct(o.at(1).get<bool>()); }},
      {"groupBy", [](ExprDecoder& d, const ModelSelect& q, const json& o) { return q.group_by(d.selections(o.at(1))); }},
      {"having", [](ExprDecoder& d, const ModelSelect& q, const json& o) { return q.having(d.expr(o.at(1))); }},
      {"alias", [](ExprDecoder&, const ModelSelect& q, const json& o) { return q.alias(o.at(1).get<std::string>()); }},
      {"join",
       [](ExprDecoder& d, const ModelSelect& q, const json& o) {
         return q.join(d.join_source(o.at(1)), join_type(o.at(2)), optional_expr(d, o.at(3)), attr(o.at(4)));
       }},
      {"joinFrom",
       [](ExprDecoder& d, const ModelSelect& q, const json& o) {
         return q.join_from(d.join_source(o.at(1)), d.join_source(o.at(2)), join_type(o.at(3)),
                            optional_expr(d, o.at(4)), attr(o.at(5)));
       }},
      {"withCte",
       [](ExprDecoder& d, const ModelSelect& q, const json& o) {
         std::vector<Cte> ctes;
         for (const json& ref : o.at(1)) ctes.push_back(d.cte(ref));
         return q.with_cte(std::move(ctes));
       }},
      {"withRelated",
       [](ExprDecoder& d, const ModelSelect& q, const json& o) {
         std::vector<Load> loads;
         for (const json& load : o.at(1)) loads.push_back(d.load(load));
         return q.with_related(std::move(loads));
       }},
      {"switch",
       [](ExprDecoder& d, const ModelSelect& q, const json& o) {
         return o.at(1).is_null() ? q.switch_() : q.switch_(d.source(o.at(1)));
       }},
  };
  const std::string& name = op.at(0).get_ref<const std::string&>();
  auto found = builders.find(name);
  if (found == builders.end()) throw InterfaceError("unknown select method \"" + name + "\" in a query description");
  return found->second(*this, query, op);
}

Load ExprDecoder::load(const json& node) {
  LoadOptions options;
  if (auto per = node.find("per"); per != node.end() && per->is_number()) options.per_parent = per->get<std::int64_t>();
  options.strategy = prefetch_type(node.value("strategy", json()));
  const Model model = source(node.at("m"));
  std::string relation = node.at("r").get<std::string>();
  if (auto query = node.find("q"); query != node.end() && !query->is_null()) {
    return Load(model, std::move(relation), select(*query), options);
  }
  return Load(model, std::move(relation), options);
}

std::vector<PrefetchSubquery> ExprDecoder::prefetch_subqueries(const json& nodes) {
  std::vector<PrefetchSubquery> out;
  for (const json& node : nodes) {
    ModelSelect query = select(node.at("q"));
    if (auto target = node.find("target"); target != node.end() && !target->is_null()) {
      out.emplace_back(query, source(*target));
    } else {
      out.emplace_back(query);
    }
  }
  return out;
}

FieldValues ExprDecoder::assignments(const Model& model, const json& pairs) {
  FieldValues values;
  for (const json& pair : pairs) {
    std::string name = pair.at(0).get<std::string>();
    model.meta().field(name);  // unknown names fail here, naming the model
    const json& value = pair.at(1);
    if (value.is_number()) {  // a plain value: its parameter index (queries.ts encodeAssignments)
      values.emplace_back(std::move(name), FieldValue(param(value)));
    } else {
      values.emplace_back(std::move(name), FieldValue(expr(value)));
    }
  }
  return values;
}

Insert ExprDecoder::insert(const json& node) {
  Model model = source(node.at("m"));
  if (auto from = node.find("from"); from != node.end() && !from->is_null()) {
    return model.insert_from(select(*from), node.at("fields").get<std::vector<std::string>>());
  }
  std::vector<FieldValues> rows;
  for (const json& row : node.at("rows")) rows.push_back(assignments(model, row));
  Insert query = model.insert_many(rows);
  auto conflict = node.find("conflict");
  if (conflict == node.end() || !conflict->is_string()) return query;
  if (*conflict == "ignore") return query.on_conflict_ignore();
  if (*conflict == "replace") return query.on_conflict_replace();
  throw InterfaceError("unknown conflict resolution " + conflict->dump() + " in a query description");
}

Update ExprDecoder::update(const json& node) {
  Model model = source(node.at("m"));
  Update query = model.update(assignments(model, node.at("set")));
  for (const json& op : node.value("ops", json::array())) query = query.where(expr(op.at(1)));
  return query;
}

Instance ExprDecoder::instance(const json& node) {
  Instance row = Instance::blank(source(node.at("m")).meta());
  for (const json& pair : node.at("set")) row.set(pair.at(0).get<std::string>(), param(pair.at(1)));
  row.clear_dirty();
  return row;
}

ManyToManyQuery ExprDecoder::many_to_many(const json& node) {
  return instance(node.at("i")).many_to_many(node.at("r").get<std::string>());
}

Delete ExprDecoder::delete_(const json& node) {
  Delete query = source(node.at("m")).delete_();
  for (const json& op : node.value("ops", json::array())) query = query.where(expr(op.at(1)));
  return query;
}

}  // namespace peewasm::wasm
