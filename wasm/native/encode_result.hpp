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
// "text" fields in the header parts use the same (u32 start, u32 length) reference.

#include <cstdint>
#include <string_view>
#include <vector>

#include "peewasm/value.hpp"

namespace peewasm {
class Database;
class ModelSelect;
}  // namespace peewasm

namespace peewasm::wasm {

class BoundModels;

class ResultEncoder {
 public:
  // Runs the query and encodes its rows. The returned view points into this encoder's buffer:
  // valid until the next encode (JS copies what it keeps before calling again).
  std::vector<std::uint8_t>& encode(const ModelSelect& query, const BoundModels& models);
  // Releases the buffers' memory (on close).
  void clear();

 private:
  void put_u32(std::uint32_t value);
  void put_i32(std::int32_t value);
  void put_f64(double value);
  void put_text(std::string_view text);
  void put_value(const Value& value);

  std::vector<std::uint8_t> out_;
  std::vector<std::uint8_t> text_;
  std::uint32_t text_units_ = 0;  // UTF-16 length of text_ once decoded
};

}  // namespace peewasm::wasm
