// ModelSelect::filter: Peewee's keyword filters (filter(user__in=q)) on the query's own fields.
#include <functional>
#include <map>
#include <string>

#include "peewasm/errors.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/schema/model_nodes.hpp"

namespace peewasm {

namespace {

using Operator = std::function<Expr(const Expr&, const Expr&)>;

const std::map<std::string, Operator, std::less<>>& operators() {
  static const std::map<std::string, Operator, std::less<>> table{
      {"eq", [](const Expr& l, const Expr& r) { return l == r; }},
      {"ne", [](const Expr& l, const Expr& r) { return l != r; }},
      {"lt", [](const Expr& l, const Expr& r) { return l < r; }},
      {"lte", [](const Expr& l, const Expr& r) { return l <= r; }},
      {"gt", [](const Expr& l, const Expr& r) { return l > r; }},
      {"gte", [](const Expr& l, const Expr& r) { return l >= r; }},
      {"in", [](const Expr& l, const Expr& r) { return l.in_(r); }},
      {"not_in", [](const Expr& l, const Expr& r) { return l.not_in(r); }},
      {"like", [](const Expr& l, const Expr& r) { return l.like(r); }},
      {"ilike", [](const Expr& l, const Expr& r) { return l.ilike(r); }},
      {"regexp", [](const Expr& l, const Expr& r) { return l.regexp(r); }},
  };
  return table;
}

}  // namespace

ModelSelect ModelSelect::filter(const std::vector<std::pair<std::string, Expr>>& filters) const {
  ModelSelect query = *this;
  for (const auto& [key, value] : filters) {
    // "user__in": field "user", operator "in"; a key without a known operator compares.
    std::string name = key;
    auto op = operators().find("eq");
    if (const auto split = key.rfind("__"); split != std::string::npos) {
      if (auto found = operators().find(key.substr(split + 2)); found != operators().end()) {
        name = key.substr(0, split);
        op = found;
      }
    }
    if (name.find("__") != std::string::npos) {
      throw ImproperlyConfigured(node_->model->name() + ".select().filter(" + key +
                                 "): filters across foreign keys are not supported; join() the related model "
                                 "and use where() on its fields");
    }
    const Field& field = node_->model->field(name);
    query = query.where(op->second(Expr(std::make_shared<FieldNode>(field, node_->model_source)), value));
  }
  return query;
}

}  // namespace peewasm
