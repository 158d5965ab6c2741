// EMSCRIPTEN_BINDINGS(peewasm): registrations only. Internal names start with an underscore;
// the public names live in wasm/js, which owns these handles (users never call delete()).
// The hottest entries are plain C exports as well: JS calls them as the module's wasm
// functions (Module._peewasm_...), with the NativeDatabase's address(), without Embind's
// wrapper and argument conversions.

#include <emscripten/bind.h>
#include <emscripten/em_macros.h>

#include "heap_stats.hpp"
#include "native_database.hpp"

EMSCRIPTEN_BINDINGS(peewasm) {
  using peewasm::wasm::NativeDatabase;
  namespace em = emscripten;

  em::class_<NativeDatabase>("NativeDatabase")
      .constructor<>()
      .function("_open", &NativeDatabase::open)
      .function("_execute", &NativeDatabase::execute)
      .function("_query", &NativeDatabase::query)
      .function("_queryCount", &NativeDatabase::query_count)
      .function("_resetQueryCount", &NativeDatabase::reset_query_count)
      .function("_subscribe", &NativeDatabase::subscribe)
      .function("_unsubscribe", &NativeDatabase::unsubscribe)
      .function("_close", &NativeDatabase::close)
      .function("_defineModel", &NativeDatabase::define_model)
      .function("_run", &NativeDatabase::run)
      .function("_prepare", &NativeDatabase::prepare)
      .function("_runPrepared", &NativeDatabase::run_prepared)
      .function("_takeOutcome", &NativeDatabase::take_outcome)
      .function("_replyAddress", &NativeDatabase::reply_address)
      .function("_address", &NativeDatabase::address)
      .function("_save", &NativeDatabase::save)
      .function("_insertRows", &NativeDatabase::insert_rows)
      .function("_requestBuffer", &NativeDatabase::request_buffer)
      .function("_deleteInstance", &NativeDatabase::delete_instance)
      .function("_getOrCreate", &NativeDatabase::get_or_create)
      .function("_createTables", &NativeDatabase::create_tables)
      .function("_dropTables", &NativeDatabase::drop_tables)
      .function("_beginAtomic", &NativeDatabase::begin_atomic)
      .function("_commitAtomic", &NativeDatabase::commit_atomic)
      .function("_rollBackAtomic", &NativeDatabase::roll_back_atomic);

  em::function("_heapStats", &peewasm::wasm::heap_stats);
}

extern "C" {

EMSCRIPTEN_KEEPALIVE int peewasm_run_prepared_number(peewasm::wasm::NativeDatabase* database, unsigned id,
                                                     double value, int plan_known) {
  return database->run_prepared_number(id, value, plan_known != 0);
}

}  // extern "C"
