#include "peewasm/query/many_to_many_query.hpp"

#include "peewasm/query/write_queries.hpp"

namespace peewasm {

namespace {

// The related rows, joined through the through model back to the owner (Peewee's
// ManyToManyFieldAccessor.__get__). A self-referential relation joins the owner as an alias.
ModelSelect related_rows(const Instance& instance, const ManyToManyRelation& r) {
  Model rel(*r.rel_model), through(*r.through);
  Model owner = r.model == r.rel_model ? Model(*r.model).alias() : Model(*r.model);
  return rel.select()
      .join(through, JoinType::Inner, through[r.dest_fk->name()])
      .join(owner, JoinType::Inner, through[r.src_fk->name()])
      .where(through[r.src_fk->name()] == instance.get(r.src_fk->rel_field().name()));
}

}  // namespace

ManyToManyQuery::ManyToManyQuery(const Instance& instance, const ManyToManyRelation& relation)
    : ModelSelect(related_rows(instance, relation)), instance_(instance), relation_(&relation) {}

Value ManyToManyQuery::owner_id() const {
  Value id = instance_.get(relation_->src_fk->rel_field().name());
  if (id.is_null()) {
    throw ProgrammingError(relation_->qualified_name() + ": this " + relation_->model->name() +
                           " is not saved yet (no " + relation_->src_fk->rel_field().name() + "); save() it first");
  }
  return id;
}

std::vector<Value> ManyToManyQuery::ids_of(const std::vector<Instance>& items, const char* verb) const {
  const Metadata& rel = *relation_->rel_model;
  const std::string& key = relation_->dest_fk->rel_field().name();
  std::vector<Value> ids;
  for (const Instance& item : items) {
    if (&item.meta() != &rel) {
      throw DataError(relation_->qualified_name() + "." + verb + "() takes " + rel.name() + " instances, not a " +
                      item.meta().name());
    }
    Value id = item.get(key);
    if (id.is_null()) {
      throw ProgrammingError(relation_->qualified_name() + "." + verb + "(): a " + rel.name() + " is not saved yet (no " +
                             key + "); save() it first");
    }
    ids.push_back(std::move(id));
  }
  return ids;
}

void ManyToManyQuery::check_query_model(const ModelSelect& query, const char* verb) const {
  const Metadata& rel = *relation_->rel_model;
  if (query.node().model != &rel) {
    throw DataError(relation_->qualified_name() + "." + verb + "() takes a query of " + rel.name() + ", not of " +
                    query.node().model->name());
  }
}

void ManyToManyQuery::add(const Instance& item, bool clear_existing) const {
  add(std::vector<Instance>{item}, clear_existing);
}

void ManyToManyQuery::add(const std::vector<Instance>& items, bool clear_existing) const {
  std::vector<Value> ids = ids_of(items, "add");
  add(ids, clear_existing);
}

void ManyToManyQuery::add(const std::vector<Value>& ids, bool clear_existing) const {
  if (clear_existing) clear();
  if (ids.empty()) return;
  Value owner = owner_id();
  std::vector<FieldValues> rows;
  for (const Value& id : ids) rows.push_back({{relation_->src_fk->name(), owner}, {relation_->dest_fk->name(), id}});
  Model(*relation_->through).insert_many(rows).execute();
}

void ManyToManyQuery::add(const ModelSelect& query, bool clear_existing) const {
  check_query_model(query, "add");
  if (clear_existing) clear();
  Model rel(*query.node().model, query.node().model_source);
  ModelSelect pairs = query.select({Expr(owner_id()), rel[relation_->dest_fk->rel_field().name()]});
  Model(*relation_->through).insert_from(pairs, {relation_->src_fk->name(), relation_->dest_fk->name()}).execute();
}

std::int64_t ManyToManyQuery::remove(const Instance& item) const { return remove(std::vector<Instance>{item}); }

std::int64_t ManyToManyQuery::remove(const std::vector<Instance>& items) const { return remove(ids_of(items, "remove")); }

std::int64_t ManyToManyQuery::remove(const std::vector<Value>& ids) const {
  if (ids.empty()) return 0;
  Model through(*relation_->through);
  std::vector<Expr> values(ids.begin(), ids.end());
  return through.delete_()
      .where(through[relation_->dest_fk->name()].in_(values) && through[relation_->src_fk->name()] == owner_id())
      .execute();
}

std::int64_t ManyToManyQuery::remove(const ModelSelect& query) const {
  check_query_model(query, "remove");
  Model rel(*query.node().model, query.node().model_source);
  Model through(*relation_->through);
  ModelSelect keys = query.select({rel[relation_->dest_fk->rel_field().name()]});
  return through.delete_()
      .where(through[relation_->dest_fk->name()].in_(keys.expr()) && through[relation_->src_fk->name()] == owner_id())
      .execute();
}

std::int64_t ManyToManyQuery::clear() const {
  Model through(*relation_->through);
  return through.delete_().where(through[relation_->src_fk->name()] == owner_id()).execute();
}

}  // namespace peewasm
