// NativeDatabase's ORM entries: decode the request, call the core, hand back plain data.

#include <emscripten/val.h>

#include <cstring>
#include <utility>

#include "boundary.hpp"
#include "decode_query.hpp"
#include "heap_values.hpp"
#include "native_database.hpp"
#include "prepared_select.hpp"
#include "peewasm/schema/schema_manager.hpp"
#include "values.hpp"

namespace peewasm::wasm {
namespace {

using emscripten::val;
using json = Json;

val values_to_js(const std::vector<Value>& values) {
  auto out = val::array();
  for (std::size_t i = 0; i < values.size(); ++i) out.set(i, to_js(values[i]));
  return out;
}

val sql_to_js(const CompiledSql& compiled) {
  auto out = val::array();
  out.set(0, text_to_js(compiled.sql));
  out.set(1, values_to_js(compiled.params));
  return out;
}

// Field values by name from [[field, param index]] pairs.
FieldValues field_values(const json& pairs, const ExprDecoder& decode) {
  FieldValues values;
  for (const json& pair : pairs) values.emplace_back(pair.at(0).get<std::string>(), decode.param(pair.at(1)));
  return values;
}

std::vector<Model> models_of(const std::string& ids, const BoundModels& bound) {
  std::vector<Model> models;
  for (const json& id : json::parse(ids)) models.push_back(bound.model(id.get<std::size_t>()));
  return models;
}

// A field position of a heap request that names no field.
constexpr std::uint32_t kNoField = 0xFFFFFFFF;

// An instance of the request's model ("m"), with no values yet.
Instance blank_instance(const json& request, const BoundModels& models) {
  return Instance::blank(models.model(request.at("m").get<std::size_t>()).meta());
}

// The payload's row count (its first u32, encode_result.hpp).
std::uint32_t row_count(const std::vector<std::uint8_t>& bytes) {
  std::uint32_t rows = 0;
  std::memcpy(&rows, bytes.data(), sizeof rows);
  return rows;
}

val heap_view(const std::vector<std::uint8_t>& bytes) {
  return val(emscripten::typed_memory_view(bytes.size(), bytes.data()));
}

// What add() and remove() were given, as the ManyToManyQuery overload that takes it:
// {"q": select} | {"ins": [instance]} | {"ids": [param index]}.
template <class Run>
val with_items(const json& items, ExprDecoder& decode, Run run) {
  if (auto query = items.find("q"); query != items.end()) return run(decode.select(*query));
  if (auto instances = items.find("ins"); instances != items.end()) {
    std::vector<Instance> rows;
    for (const json& row : *instances) rows.push_back(decode.instance(row));
    return run(rows);
  }
  std::vector<Value> ids;
  for (const json& index : items.at("ids")) ids.push_back(decode.param(index));
  return run(ids);
}

// A relation's writes: {"run": "add" | "remove" | "clear", "q": relation, "items"?, "clear"?}.
val run_many_to_many(const std::string& mode, const json& request, ExprDecoder& decode) {
  const ManyToManyQuery relation = decode.many_to_many(request.at("q"));
  if (mode == "clear") return int_to_js(relation.clear());
  if (mode == "remove") {
    return with_items(request.at("items"), decode, [&](const auto& items) { return int_to_js(relation.remove(items)); });
  }
  if (mode != "add") throw InterfaceError("unknown run mode \"" + mode + "\" for a many-to-many relation");
  const bool clear_existing = request.value("clear", false);
  return with_items(request.at("items"), decode, [&](const auto& items) {
    relation.add(items, clear_existing);
    return val::undefined();
  });
}

}  // namespace

val NativeDatabase::define_model(const std::string& spec, const val& params) {
  return with_events(run_guarded([&] {
    auto values = params_from_js(params);
    return val(models().define(json::parse(spec), values, database()).dump());
  }));
}

val NativeDatabase::run(const std::string& request_text, const val& params) {
  return with_events(run_guarded([&]() -> val { return run_request(json::parse(request_text), params); }));
}

val NativeDatabase::prepare(const std::string& request_text, const val& params) {
  return run_guarded([&] {
    prepared_.emplace_back(json::parse(request_text), params_from_js(params), models());
    return val(static_cast<double>(prepared_.size() - 1));
  });
}

int NativeDatabase::run_prepared(unsigned id, const val& params, bool plan_known) {
  return reply(failure_of([&] { run_prepared_with(id, params_from_js(params), plan_known); }));
}

int NativeDatabase::run_prepared_number(unsigned id, double value, bool plan_known) {
  return reply(failure_of([&] {
    const Value param = number_value(value);
    run_prepared_with(id, {&param, 1}, plan_known);
  }));
}

void NativeDatabase::run_prepared_with(unsigned id, std::span<const Value> params, bool plan_known) {
  if (id >= prepared_.size()) throw InterfaceError("no prepared request #" + std::to_string(id));
  PreparedSelect& prepared = prepared_[id];
  // The request decoded again for these values: a call the compiled form cannot take, or
  // the not-found error, which names their SQL and params.
  const auto decoded = [&] {
    return decode_request_select(prepared.request(), std::vector<Value>(params.begin(), params.end()), models());
  };
  const CompiledSql* compiled = prepared.bind(params);
  const std::vector<std::uint8_t>* bytes = nullptr;
  if (!compiled) {
    bytes = &get_first(decoded());
  } else {
    bytes = &encoder_.encode(prepared.plan(), database(), *compiled, models(), !plan_known);
    if (row_count(*bytes) == 0) throw decoded().not_found();
  }
  reply_[0] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(bytes->data()));
  reply_[1] = static_cast<std::uint32_t>(bytes->size());
}

int NativeDatabase::reply(std::optional<val> failure) {
  if (!failure && pending_events_.empty()) return 0;
  outcome_ = with_events(failure ? std::move(*failure) : ok_result(val::undefined()));
  return 1;
}

val NativeDatabase::take_outcome() { return std::exchange(outcome_, val::undefined()); }

double NativeDatabase::address() const { return static_cast<double>(reinterpret_cast<std::uintptr_t>(this)); }

double NativeDatabase::reply_address() const {
  return static_cast<double>(reinterpret_cast<std::uintptr_t>(reply_.data()));
}

// As ModelSelect::get(): the first row of the first page of one.
const std::vector<std::uint8_t>& NativeDatabase::get_first(const ModelSelect& select) {
  const auto& bytes = encoder_.encode(select.paginate(1, 1), models());
  if (row_count(bytes) == 0) throw select.not_found();
  return bytes;
}

// The body of run(); runs inside its run_guarded().
val NativeDatabase::run_request(const json& request, const val& params) {
  auto values = params_from_js(params);
  ExprDecoder decode = request_decoder(request, values, models());
  const std::string& mode = request.at("run").get_ref<const std::string&>();
  const json& query = request.at("q");
  const std::string& kind = query.at("k").get_ref<const std::string&>();

  if (kind == "insert" || kind == "update" || kind == "delete") {
    if (mode == "sql") {
      if (kind == "insert") return sql_to_js(decode.insert(query).sql());
      if (kind == "update") return sql_to_js(decode.update(query).sql());
      return sql_to_js(decode.delete_(query).sql());
    }
    if (mode != "execute") throw InterfaceError("a write query runs with execute()");
    if (kind == "insert") return int_to_js(decode.insert(query).execute());
    if (kind == "update") return int_to_js(decode.update(query).execute());
    return int_to_js(decode.delete_(query).execute());
  }

  if (kind == "m2m") return run_many_to_many(mode, request, decode);
  if (kind == "compound") {
    const CompoundSelect compound = decode.compound(query);
    if (mode == "rows") return heap_view(encoder_.encode(compound, models()));
    if (mode == "sql") return sql_to_js(compound.sql());
    throw InterfaceError("unknown run mode \"" + mode + "\" for a compound select");
  }
  const ModelSelect select = decode.select(query);
  if (mode == "rows") return heap_view(encoder_.encode(select, models()));
  // Eager loads: backref lists as rows that JS attaches by key, others through the core's
  // instances (a get with loads, prefetch()).
  if (mode == "loaded") return heap_view(encoder_.encode_loaded(select, models()));
  if (mode == "getGraph") {
    auto rows = select.paginate(1, 1).execute();
    if (rows.empty()) throw select.not_found();
    return heap_view(encoder_.encode_graph(rows, models()));
  }
  if (mode == "prefetch") {
    const auto rows = select.prefetch(decode.prefetch_subqueries(request.at("subs")),
                                      prefetch_type(request.value("type", json())));
    return heap_view(encoder_.encode_graph(rows, models()));
  }
  if (mode == "get") return heap_view(get_first(select));
  if (mode == "sql") return sql_to_js(select.sql());
  if (mode == "count") return int_to_js(select.count());
  if (mode == "exists") return val(select.exists());
  if (mode == "scalar") return to_js(select.scalar());
  throw InterfaceError("unknown run mode \"" + mode + "\" for a select");
}

int NativeDatabase::save(unsigned length) {
  return reply(failure_of([&] {
    HeapValueReader in = request_.reader(length);
    const Model& model = models().model(in.u32());
    const bool force = in.u8() != 0;
    const auto& fields = model.meta().sorted_fields();
    const auto field_at = [&](std::uint32_t position) -> const Field& {
      if (position >= fields.size()) throw InterfaceError("malformed heap request from the JS layer: no field #" + std::to_string(position));
      return *fields[position];
    };
    Instance instance = Instance::blank(model.meta());
    for (auto count = in.u32(); count > 0; --count) {
      const Field& field = field_at(in.u32());
      instance.set(field, in.value());
    }
    instance.clear_dirty();
    for (auto count = in.u32(); count > 0; --count) {
      const Field& field = field_at(in.u32());
      instance.set(field, instance.get(field));
    }
    // only=: a name the JS layer could not place (kNoField) is kept, matching no field.
    std::vector<std::string> only;
    for (auto count = in.u32(); count > 0; --count) {
      const std::uint32_t position = in.u32();
      only.push_back(position == kNoField ? std::string() : field_at(position).name());
    }
    const auto rows = instance.save(force, only);
    replies_.clear();
    replies_.value(Value(static_cast<long long>(rows)));
    for (const Value& pk : instance.pk_values()) replies_.value(pk);
    reply_with_values();
  }));
}

namespace {

// The rows of an insert_rows request, values in request order.
struct RequestRows {
  std::vector<std::uint32_t> positions;
  std::vector<Value> values;
  std::vector<std::size_t> ends;  // where each row's values end
};

// Model::insert_many's rows, field names in request order (as the JSON request gives them).
std::vector<FieldValues> named_rows(const std::vector<const Field*>& fields, RequestRows& rows) {
  std::vector<FieldValues> named(rows.ends.size());
  for (std::size_t row = 0, at = 0; row < rows.ends.size(); ++row) {
    for (; at < rows.ends[row]; ++at) named[row].emplace_back(fields[rows.positions[at]]->name(), std::move(rows.values[at]));
  }
  return named;
}

}  // namespace

int NativeDatabase::insert_rows(unsigned length) {
  return reply(failure_of([&] {
    HeapValueReader in = request_.reader(length);
    const Model& model = models().model(in.u32());
    const auto& fields = model.meta().sorted_fields();
    const std::size_t width = fields.size();
    RequestRows rows;
    // The fields of the first row; every row must give exactly them, once, for insert_plain.
    std::vector<std::uint8_t> first(width, 0);
    std::vector<std::size_t> seen_in_row(width, 0);
    bool uniform = true;
    std::size_t first_count = 0;
    const std::uint32_t row_count = in.u32();
    for (std::size_t row = 1; row <= row_count; ++row) {
      const std::uint32_t count = in.u32();
      for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t position = in.u32();
        if (position >= width) throw InterfaceError("malformed heap request from the JS layer: no field #" + std::to_string(position));
        rows.positions.push_back(position);
        rows.values.push_back(in.value());
        if (seen_in_row[position] == row) uniform = false;  // a field given twice (user and user_id)
        seen_in_row[position] = row;
        if (row == 1) first[position] = 1;
        else if (!first[position]) uniform = false;
      }
      if (row == 1) first_count = count;
      else if (count != first_count) uniform = false;
      rows.ends.push_back(rows.positions.size());
    }
    std::int64_t id = 0;
    if (uniform && row_count > 0) {
      std::vector<const Field*> given;
      for (const Field* field : fields) if (first[field->index()]) given.push_back(field);
      std::vector<Value> by_index(width * row_count);
      for (std::size_t row = 0, at = 0; row < row_count; ++row) {
        for (; at < rows.ends[row]; ++at) by_index[row * width + rows.positions[at]] = std::move(rows.values[at]);
      }
      id = model.insert_plain(given, by_index);
    } else {
      id = model.insert_many(named_rows(fields, rows)).execute();
    }
    replies_.clear();
    replies_.value(Value(static_cast<long long>(id)));
    reply_with_values();
  }));
}

void NativeDatabase::reply_with_values() {
  reply_[0] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(replies_.bytes().data()));
  reply_[1] = static_cast<std::uint32_t>(replies_.bytes().size());
}

double NativeDatabase::request_buffer(unsigned size) { return static_cast<double>(request_.reserve(size)); }

val NativeDatabase::delete_instance(const std::string& request_text, const val& params) {
  return with_events(run_guarded([&] {
    const json request = json::parse(request_text);
    auto values = params_from_js(params);
    ExprDecoder decode(models(), values);
    Instance instance = blank_instance(request, models());
    const auto& pk_fields = instance.meta().primary_key_fields();
    const json& pk = request.at("pk");
    for (std::size_t i = 0; i < pk_fields.size() && i < pk.size(); ++i) {
      instance.set(pk_fields[i]->name(), decode.param(pk[i]));
    }
    return int_to_js(instance.delete_instance());
  }));
}

val NativeDatabase::get_or_create(const std::string& request_text, const val& params, const val& defaults) {
  return with_events(run_guarded([&] {
    const json request = json::parse(request_text);
    auto values = params_from_js(params);
    ExprDecoder decode(models(), values);
    const Model& model = models().model(request.at("m").get<std::size_t>());
    // The defaults (field defaults may read a clock) are made by JS only when the row is new.
    auto make_defaults = [&] {
      const val made = defaults();
      auto default_values = params_from_js(made["params"]);
      return field_values(json::parse(made["pairs"].as<std::string>()), ExprDecoder(models(), default_values));
    };
    auto [instance, created] = model.get_or_create(field_values(request.at("where"), decode), make_defaults);
    std::vector<Value> row;
    for (const Field* field : model.meta().sorted_fields()) row.push_back(instance.get(field->name()));
    auto out = val::object();
    out.set("created", created);
    out.set("values", values_to_js(row));
    return out;
  }));
}

val NativeDatabase::create_tables(const std::string& ids, bool safe) {
  return with_events(run_guarded([&] {
    peewasm::create_tables(database(), models_of(ids, models()), safe);
    return val::undefined();
  }));
}

val NativeDatabase::drop_tables(const std::string& ids, bool safe) {
  return with_events(run_guarded([&] {
    peewasm::drop_tables(database(), models_of(ids, models()), safe);
    return val::undefined();
  }));
}

val NativeDatabase::begin_atomic() {
  return with_events(run_guarded([&] {
    database().begin_atomic();
    return val::undefined();
  }));
}

val NativeDatabase::commit_atomic() {
  return with_events(run_guarded([&] {
    database().commit_atomic();
    return val::undefined();
  }));
}

val NativeDatabase::roll_back_atomic() {
  return with_events(run_guarded([&] {
    database().roll_back_atomic();
    return val::undefined();
  }));
}

}  // namespace peewasm::wasm
