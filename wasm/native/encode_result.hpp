#pragma once
// ResultEncoder: a select's rows, and the plan that says which column belongs to which model
// instance and attribute, as one binary payload that wasm/js/results.ts decodes in one pass
// (instances of the user's classes, dicts, tuples). One buffer per database, reused, so
// results allocate nothing on the wasm heap in steady state.
//
// Layout (little-endian):
//   header  u32 rows, u32 columns, u32 targets, u32 text offset (byte position of the text)
//   targets per target: u32 model id, i32 parent (-1 for the query's model), text attr
//   columns per column: i32 target, i32 field position (-1: an extra attribute), text name
//   cells   row by row, a tag byte then its data:
//           0 null | 1 number (f64) | 2 integer beyond 2^53 (i64) | 3 real (f64)
//           4 text (valid UTF-8: u32 start, u32 length in UTF-16 units of the decoded text)
//           5 blob (u32 byte length, bytes) | 6 false | 7 true
//           8 text that is not valid UTF-8 (u32 byte length, bytes; decoded on its own)
//   text    every text of the payload, concatenated UTF-8, decoded once by JS.
// A prepared request's payload omits targets and columns once JS holds its plan (JS says so
// when it calls): columns and targets are 0 (a select has at least one column), the cells
// follow the header, and JS reads them with the plan it kept.
// Texts in the header parts are cells too (tag 4 or 8).
//
// Queries with eager loads the core attaches (see encode_loaded() below; prefetch) run in the
// core, which builds the instances and attaches the loaded rows; encode_graph() then writes
// those instances:
//   header   u32 root count, u32 text offset
//   instance u32 model id, a cell per field in the core's order (tag 9: not loaded),
//            u32 n + n x (name, cell) extras, u32 n + n x (attr, instance) joined or loaded
//            instances, u32 n + n x (backref name, foreign key name, u32 count, instances)
//   roots    the query's instances, then the text.
//
// encode_loaded() writes a select with eager loads as the rows of each query it runs:
//   u32 parts: 0, then a graph payload (loads the core attaches); or n, then the query's
//   rows (u32 byte length, a rows payload) and per load (n - 1): u32 name length, its UTF-8
//   bytes (the backref), u32 foreign key position and u32 parent key position (the core's
//   order), then its rows (u32 byte length, a rows payload).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "peewasm/query/compound.hpp"
#include "peewasm/value.hpp"

namespace peewasm {
struct ColumnCell;
class Database;
class Instance;
class ModelSelect;
class RowPlan;
struct CompiledSql;
}  // namespace peewasm

namespace peewasm::wasm {

class BoundModels;

class ResultEncoder {
 public:

  // Runs the query and encodes its rows. The returned view points into this encoder's buffer:
  // valid until the next encode (JS copies what it keeps before calling again).
  std::vector<std::uint8_t>& encode(const ModelSelect& query, const BoundModels& models);
  // The same for a select compiled beforehand (a prepared request): its plan and SQL. Without
  // `with_plan` the payload omits the plan (see the layout above).
  std::vector<std::uint8_t>& encode(const RowPlan& plan, Database& database, const CompiledSql& compiled,
                                    const BoundModels& models, bool with_plan = true);
  // Encodes instances the core built (a query run with its eager loads, or prefetch()).
  std::vector<std::uint8_t>& encode_graph(const std::vector<Instance>& instances, const BoundModels& models);
  // A select with eager loads: its rows and each backref load's rows, which JS attaches by
  // key; the graph of the core's instances when a load needs them (nested, Materialize).
  std::vector<std::uint8_t>& encode_loaded(const ModelSelect& query, const BoundModels& models);
  // A compound's rows, read as its first select's (Peewee reads them with that select's
  // cursor wrapper).
  std::vector<std::uint8_t>& encode(const CompoundSelect& query, const BoundModels& models);
  // Releases the buffers' memory (on close).
  void clear();

 private:
  void put_u32(std::uint32_t value);
  void put_i32(std::int32_t value);
  void put_f64(double value);
  void put_text(std::string_view text);
  void put_integer(std::int64_t number);
  void put_blob(std::span<const std::uint8_t> bytes);
  void put_value(const Value& value);
  void put_cell(const ColumnCell& cell);
  void put_instance(const Instance& instance, const BoundModels& models);
  void put_header(const RowPlan& plan, const BoundModels& models);
  void start();
  std::vector<std::uint8_t>& finish(std::uint32_t count, std::size_t count_at, std::size_t text_offset_at);

  std::vector<std::uint8_t> out_;
  std::vector<std::uint8_t> text_;
  std::vector<std::uint8_t> loaded_;  // encode_loaded()'s payload: its parts, copied
  std::uint32_t text_units_ = 0;  // UTF-16 length of text_ once decoded
};

}  // namespace peewasm::wasm
