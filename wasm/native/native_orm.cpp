// NativeDatabase's ORM entries: decode the request, call the core, hand back plain data.

#include <emscripten/val.h>

#include "boundary.hpp"
#include "decode_query.hpp"
#include "native_database.hpp"
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

// An instance of the request's model ("m"), with no values yet.
Instance blank_instance(const json& request, const BoundModels& models) {
  return Instance::blank(models.model(request.at("m").get<std::size_t>()).meta());
}

val heap_view(const std::vector<std::uint8_t>& bytes) {
  return val(emscripten::typed_memory_view(bytes.size(), bytes.data()));
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

val NativeDatabase::prepare(const std::string& request_text) {
  return run_guarded([&] {
    prepared_.push_back(json::parse(request_text));
    return val(static_cast<double>(prepared_.size() - 1));
  });
}

val NativeDatabase::run_prepared(unsigned id, const val& params) {
  return with_events(run_guarded([&]() -> val {
    if (id >= prepared_.size()) throw InterfaceError("no prepared request #" + std::to_string(id));
    return run_request(prepared_[id], params);
  }));
}

// The body of run() and run_prepared(); runs inside their run_guarded().
val NativeDatabase::run_request(const json& request, const val& params) {
  auto values = params_from_js(params);
  const json* aliases = request.contains("aliases") ? &request["aliases"] : nullptr;
  const json* ctes = request.contains("ctes") ? &request["ctes"] : nullptr;
  ExprDecoder decode(models(), values, aliases, ctes);
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

  if (kind == "compound") {
    if (mode != "sql") throw InterfaceError("a compound select runs through its SQL (sql(), dicts(), tuples())");
    return sql_to_js(decode.compound(query).sql());
  }
  const ModelSelect select = decode.select(query);
  if (mode == "rows") return heap_view(encoder_.encode(select, models()));
  // Eager loads: the core builds the instances and attaches the loaded rows.
  if (mode == "graph") return heap_view(encoder_.encode_graph(select.execute(), models()));
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
  if (mode == "get") {
    // As ModelSelect::get(): the first row of the first page of one.
    const auto& bytes = encoder_.encode(select.paginate(1, 1), models());
    if (bytes.size() >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0) throw select.not_found();
    return heap_view(bytes);
  }
  if (mode == "sql") return sql_to_js(select.sql());
  if (mode == "count") return int_to_js(select.count());
  if (mode == "exists") return val(select.exists());
  if (mode == "scalar") return to_js(select.scalar());
  throw InterfaceError("unknown run mode \"" + mode + "\" for a select");
}

val NativeDatabase::save(const std::string& request_text, const val& params) {
  return with_events(run_guarded([&] {
    const json request = json::parse(request_text);
    auto values = params_from_js(params);
    ExprDecoder decode(models(), values);
    Instance instance = blank_instance(request, models());
    for (const auto& [name, value] : field_values(request.at("set"), decode)) instance.set(name, value);
    instance.clear_dirty();
    for (const json& name : request.value("dirty", json::array())) {
      const std::string field = name.get<std::string>();
      instance.set(field, instance.get(field));
    }
    const auto only = request.value("only", std::vector<std::string>());
    const auto rows = instance.save(request.value("force", false), only);
    auto out = val::object();
    out.set("rows", int_to_js(rows));
    out.set("pk", values_to_js(instance.pk_values()));
    return out;
  }));
}

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
