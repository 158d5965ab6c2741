#include "peewasm/schema/instance.hpp"

#include <algorithm>
#include <map>

#include "peewasm/db/database.hpp"
#include "peewasm/query/many_to_many_query.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/query/write_queries.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model.hpp"

namespace peewasm {

struct Instance::State {
  const Metadata* meta;
  std::vector<Value> values;  // by field index
  // One flag per field, in std::string for its small buffer: a model of up to 15 fields keeps
  // them inline, so loading a row allocates nothing for them.
  std::string present;  // Peewee's "key in __data__"
  std::string dirty;
  std::map<std::string, Instance, std::less<>> related;  // by foreign key name or join attr
  // What few rows carry (extra columns, eager loads): behind one pointer made on first use, so
  // a plain loaded row stays small. `related` stays inline: joined rows fill it.
  struct Attached {
    std::vector<std::pair<std::string, Value>> extras;  // selected non-field columns
    // Eager loading: backref rows by backref name; the parent a loaded row came with, by its
    // foreign key's name (weak: the parent owns the row through `prefetched`).
    std::map<std::string, std::vector<Instance>, std::less<>> prefetched;
    std::map<std::string, std::weak_ptr<State>, std::less<>> parents;
  };
  std::unique_ptr<Attached> attached;

  const Attached& attachments() const {
    static const Attached none;
    return attached ? *attached : none;
  }
  Attached& attach() {
    if (!attached) attached = std::make_unique<Attached>();
    return *attached;
  }
};

FieldValue::FieldValue(Instance instance) : data_(std::make_shared<Instance>(std::move(instance))) {}

const Instance* FieldValue::instance() const {
  auto* held = std::get_if<std::shared_ptr<Instance>>(&data_);
  return held ? held->get() : nullptr;
}

Expr::Expr(const Instance& instance) : node_(make_value(instance.pk())) {}

Instance::Instance(const Metadata& meta, const FieldValues& values) : state_(std::make_shared<State>()) {
  State& s = *state_;
  s.meta = &meta;
  std::size_t n = meta.sorted_fields().size();
  s.values.resize(n);
  s.present.assign(n, 0);
  s.dirty.assign(n, 0);
  for (const Field* field : meta.sorted_fields()) {
    if (auto value = field->make_default()) {
      s.values[field->index()] = *value;
      s.present[field->index()] = 1;
      s.dirty[field->index()] = 1;
    }
  }
  for (const auto& [name, value] : values) set(name, value);
}

Instance Instance::blank(const Metadata& meta) {
  Instance instance;
  instance.state_ = std::make_shared<State>();
  std::size_t n = meta.sorted_fields().size();
  instance.state_->meta = &meta;
  instance.state_->values.resize(n);
  instance.state_->present.assign(n, 0);
  instance.state_->dirty.assign(n, 0);
  return instance;
}

Instance::State& Instance::state() const {
  if (!state_) throw ProgrammingError("this Instance is empty; create one with Model::new_instance or a query");
  return *state_;
}

const Metadata& Instance::meta() const { return *state().meta; }

namespace {
const Field* field_by_object_id(const Metadata& meta, std::string_view name) {
  for (const Field* field : meta.sorted_fields()) {
    if (field->is_foreign_key() && field->object_id_name() == name) return field;
  }
  return nullptr;
}
}  // namespace

const Value& Instance::get(std::string_view name) const {
  const State& s = state();
  const Field* field = s.meta->find_field(name);
  if (!field) field = field_by_object_id(*s.meta, name);
  if (field) return s.values[field->index()];
  for (const auto& [extra, value] : s.attachments().extras) {
    if (extra == name) return value;
  }
  throw ImproperlyConfigured(s.meta->name() + " instance has no field or selected column '" + std::string(name) +
                             "'; select it (with .alias(\"" + std::string(name) + "\") for an expression)");
}

bool Instance::has(std::string_view name) const {
  const State& s = state();
  if (const Field* field = s.meta->find_field(name)) return s.present[field->index()];
  for (const auto& [extra, value] : s.attachments().extras) {
    if (extra == name) return true;
  }
  return false;
}

namespace {
// Whether `field` is the model's own (not a same-named field of another model).
bool owns(const Metadata& meta, const Field& field) {
  const auto& fields = meta.sorted_fields();
  return field.index() < fields.size() && fields[field.index()] == &field;
}
}  // namespace

const Value& Instance::get(const Field& field) const {
  const State& s = state();
  return owns(*s.meta, field) ? s.values[field.index()] : get(field.name());
}

bool Instance::has(const Field& field) const {
  const State& s = state();
  return owns(*s.meta, field) ? s.present[field.index()] != 0 : has(field.name());
}

void Instance::set(std::string_view name, const FieldValue& value) {
  const State& s = state();
  const Field* field = s.meta->find_field(name);
  if (!field) field = field_by_object_id(*s.meta, name);
  if (!field) field = &s.meta->field(name);  // throws, naming the fields there are
  assign(*field, value);
}

void Instance::set(const Field& field, const FieldValue& value) {
  if (owns(*state().meta, field)) return assign(field, value);
  set(field.name(), value);
}

void Instance::assign(const Field& field, const FieldValue& value) {
  State& s = state();
  if (value.expression()) {
    throw DataError(field.qualified_name() + ": an expression can only be assigned in an update query");
  }
  std::size_t i = field.index();
  if (const Instance* related = value.instance()) {
    if (!field.is_foreign_key()) {
      throw DataError(std::string(field_class_name(field.type())) + " " + field.qualified_name() +
                      " is not a foreign key: assign a value, not a model instance");
    }
    if (&related->meta() != &field.rel_model()) {
      throw DataError("ForeignKeyField " + field.qualified_name() + " takes a " + field.rel_model().name() +
                      " instance, not a " + related->meta().name());
    }
    s.values[i] = related->get(field.rel_field().name());
    s.related.insert_or_assign(field.name(), *related);
    if (s.attached) s.attached->parents.erase(field.name());
  } else {
    s.values[i] = *value.value();
    if (field.is_foreign_key()) {
      if (s.attached) s.attached->parents.erase(field.name());
      auto cached = s.related.find(field.name());
      if (cached != s.related.end() && !(cached->second.get(field.rel_field().name()) == s.values[i])) {
        s.related.erase(cached);
      }
    }
  }
  s.present[i] = 1;
  s.dirty[i] = 1;
}

std::optional<Instance> Instance::related(std::string_view fk_name) const {
  State& s = state();
  auto cached = s.related.find(fk_name);
  if (cached != s.related.end()) return cached->second;
  if (Instance parent = linked_parent(fk_name)) return parent;
  const Field& field = s.meta->field(fk_name);
  if (!field.is_foreign_key()) {
    throw ImproperlyConfigured(field.qualified_name() + " is not a foreign key; read it with get(\"" +
                               field.name() + "\")");
  }
  const Value& key = s.values[field.index()];
  if (key.is_null()) return std::nullopt;
  if (!field.foreign_key().lazy_load) {
    throw ImproperlyConfigured(field.qualified_name() + " has lazy_load(false): read get(\"" +
                               field.object_id_name() + "\") for the id, or join " + field.rel_model().name() +
                               " in the query");
  }
  Model target(field.rel_model());
  Instance loaded = target.get(target[field.rel_field().name()] == key);
  s.related.insert_or_assign(field.name(), loaded);
  return loaded;
}

bool Instance::has_related(std::string_view fk_name) const {
  return state().related.contains(fk_name) || linked_parent(fk_name);
}

// Peewee's BackrefAccessor: children.select().where(fk == this row's referenced value).
ModelSelect Instance::backref(std::string_view name) const {
  const Field& fk = meta().backref(name);
  Model children(fk.model());
  return children.select().where(children[fk.name()] == get(fk.rel_field().name()));
}

ManyToManyQuery Instance::many_to_many(std::string_view name) const {
  return ManyToManyQuery(*this, meta().many_to_many(name));
}

bool Instance::flag(std::string_view bit_field, std::int64_t bit) const {
  Value bits = get(bit_field);
  return !bits.is_null() && (bits.as_int() & bit) != 0;
}

void Instance::set_flag(std::string_view bit_field, std::int64_t bit, bool on) {
  Value bits = get(bit_field);
  std::int64_t current = bits.is_null() ? 0 : bits.as_int();
  set(bit_field, on ? (current | bit) : (current & ~bit));
}

namespace {
// The bitmap of a BigBitField as bytes; wrong field types are named.
Blob bitmap_of(const Instance& instance, std::string_view field_name) {
  const Field& field = instance.meta().field(field_name);
  if (field.type() != FieldType::BigBit) {
    throw ImproperlyConfigured(instance.meta().name() + "." + field.name() + " is a " + std::string(field_class_name(field.type())) +
                               ", not a BigBitField; bit operations need a BigBitField");
  }
  Value bits = instance.get(field_name);
  return bits.is_blob() ? bits.as_blob() : Blob{};
}

std::uint8_t bit_mask(std::size_t bit) { return static_cast<std::uint8_t>(1u << (bit % 8)); }
}  // namespace

bool Instance::is_set(std::string_view big_bit_field, std::size_t bit) const {
  Blob bytes = bitmap_of(*this, big_bit_field);
  return bit / 8 < bytes.size() && (bytes[bit / 8] & bit_mask(bit)) != 0;
}

void Instance::set_bit(std::string_view big_bit_field, std::size_t bit) {
  Blob bytes = bitmap_of(*this, big_bit_field);
  if (bytes.size() <= bit / 8) bytes.resize(bit / 8 + 1, 0);
  bytes[bit / 8] |= bit_mask(bit);
  set(big_bit_field, Value(std::move(bytes)));
}

void Instance::clear_bit(std::string_view big_bit_field, std::size_t bit) {
  Blob bytes = bitmap_of(*this, big_bit_field);
  if (bit / 8 >= bytes.size()) return;
  bytes[bit / 8] &= static_cast<std::uint8_t>(~bit_mask(bit));
  set(big_bit_field, Value(std::move(bytes)));
}

bool Instance::toggle_bit(std::string_view big_bit_field, std::size_t bit) {
  if (is_set(big_bit_field, bit)) {
    clear_bit(big_bit_field, bit);
    return false;
  }
  set_bit(big_bit_field, bit);
  return true;
}

Value Instance::pk() const {
  const Field* pk = state().meta->primary_key();
  return pk ? state().values[pk->index()] : Value();
}

std::vector<Value> Instance::pk_values() const {
  std::vector<Value> values;
  for (const Field* field : state().meta->primary_key_fields()) values.push_back(state().values[field->index()]);
  return values;
}

std::string Instance::str() const {
  std::vector<Value> parts = pk_values();
  if (parts.size() == 1) return parts.front().to_string();
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i].to_string();
  return out + ")";
}

namespace {
Expr pk_expression(const Model& model, const Instance& instance) {
  Expr match;
  for (const Field* field : model.meta().primary_key_fields()) {
    Expr part = model[field->name()] == instance.get(field->name());
    match = match.has_value() ? (match && part) : part;
  }
  return match;
}
}  // namespace

std::int64_t Instance::save(bool force_insert, const std::vector<std::string>& only) {
  State& s = state();
  const Metadata& meta = *s.meta;
  Model model(meta);
  std::vector<const Field*> fields;
  for (const Field* field : meta.sorted_fields()) {
    std::size_t i = field->index();
    if (!s.present[i]) continue;
    bool chosen = only.empty() ? true : std::find(only.begin(), only.end(), field->name()) != only.end();
    if (only.empty() && meta.options().only_save_dirty.value_or(false) && !force_insert) chosen = s.dirty[i];
    if (chosen) fields.push_back(field);
  }
  if (fields.empty() && !only.empty()) return 0;
  if (fields.empty() && meta.options().only_save_dirty.value_or(false) && !force_insert) {
    clear_dirty();
    return 0;
  }

  const Field* pk_field = meta.primary_key();
  Value pk_value = pk();
  bool has_pk_value = meta.composite_key() ? true : !pk_value.is_null();
  if (pk_field && meta.auto_increment() && pk_value.is_null()) std::erase(fields, pk_field);

  std::int64_t rows = 1;
  if (meta.has_primary_key() && has_pk_value && !force_insert) {
    for (const Field* part : meta.primary_key_fields()) std::erase(fields, part);
    // Peewee's words; a row with only its key set needs save(true) (force_insert) to be inserted.
    if (fields.empty()) throw DataError("no data to save!");
    FieldValues values;
    for (const Field* field : fields) values.emplace_back(field->name(), s.values[field->index()]);
    rows = model.update(values).where(pk_expression(model, *this)).execute();
  } else {
    std::int64_t id = model.insert_plain(fields, s.values);
    if (pk_field && (meta.auto_increment() || pk_value.is_null()) && pk_field->is_auto_increment()) {
      s.values[pk_field->index()] = id;
      s.present[pk_field->index()] = 1;
    } else if (pk_field && pk_value.is_null()) {
      // An integer primary key left unset is SQLite's rowid.
      s.values[pk_field->index()] = id;
      s.present[pk_field->index()] = 1;
    }
  }
  for (const Field* field : fields) s.dirty[field->index()] = 0;
  if (pk_field) s.dirty[pk_field->index()] = 0;
  return rows;
}

std::int64_t Instance::delete_instance() {
  Model model(meta());
  if (!meta().has_primary_key()) {
    throw ProgrammingError(meta().name() + " has no primary key; delete rows with " + meta().name() +
                           ".delete_().where(...)");
  }
  return model.delete_().where(pk_expression(model, *this)).execute();
}

std::vector<std::string> Instance::dirty_fields() const {
  std::vector<std::string> names;
  for (const Field* field : meta().sorted_fields()) {
    if (state().dirty[field->index()]) names.push_back(field->name());
  }
  return names;
}

bool Instance::is_dirty() const { return !dirty_fields().empty(); }

void Instance::load_column(const Field& field, Value db_value) {
  State& s = state();
  s.values[field.index()] = field.python_value(std::move(db_value));
  s.present[field.index()] = 1;
}

void Instance::set_extra(std::string name, Value value) {
  State& s = state();
  auto& extras = s.attach().extras;
  for (auto& [extra, existing] : extras) {
    if (extra == name) {
      existing = std::move(value);
      return;
    }
  }
  extras.emplace_back(std::move(name), std::move(value));
}

void Instance::set_related(std::string attr, Instance related) {
  state().related.insert_or_assign(std::move(attr), std::move(related));
}

void Instance::clear_dirty() { std::fill(state().dirty.begin(), state().dirty.end(), 0); }

// Eager loading.

const std::vector<Instance>& Instance::prefetched(std::string_view backref) const {
  const State& s = state();
  const auto& loaded = s.attachments().prefetched;
  auto found = loaded.find(backref);
  if (found != loaded.end()) return found->second;
  std::string name(backref);
  if (!s.meta->find_backref(name)) s.meta->backref(name);  // throws, naming the backrefs there are
  throw ImproperlyConfigured("nothing was prefetched for " + s.meta->name() + "." + name + " on this instance; add Load(" +
                             s.meta->name() + ", \"" + name + "\") to the query's with_related(), or prefetch() it");
}

bool Instance::has_prefetched(std::string_view backref) const {
  return state().attachments().prefetched.contains(backref);
}

void Instance::set_prefetched(std::string backref, std::vector<Instance> rows) {
  state().attach().prefetched.insert_or_assign(std::move(backref), std::move(rows));
}

void Instance::link_parent(std::string fk_name, const Instance& parent) {
  state().attach().parents.insert_or_assign(std::move(fk_name), parent.state_);
}

Instance Instance::linked_parent(std::string_view fk_name) const {
  Instance parent;
  const auto& parents = state().attachments().parents;
  auto link = parents.find(fk_name);
  if (link != parents.end()) parent.state_ = link->second.lock();
  return parent;
}

const std::vector<std::pair<std::string, Value>>& Instance::extras() const { return state().attachments().extras; }

const std::map<std::string, Instance, std::less<>>& Instance::related_instances() const { return state().related; }

const std::map<std::string, std::vector<Instance>, std::less<>>& Instance::prefetched_rows() const {
  return state().attachments().prefetched;
}

}  // namespace peewasm
