#include "encode_result.hpp"

#include <cstring>
#include <optional>

#include "bound_models.hpp"
#include "peewasm/db/database.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/result/row_plan.hpp"
#include "peewasm/schema/field.hpp"

namespace peewasm::wasm {
namespace {

enum Tag : std::uint8_t { kNull, kNumber, kBigInteger, kReal, kText, kBlob, kFalse, kTrue, kRawText };

constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;

// The UTF-16 length of valid UTF-8 text, or nullopt when it is not valid UTF-8 (TextDecoder
// would replace bytes, and the offsets of the texts after it would no longer match).
std::optional<std::uint32_t> utf16_length(std::string_view text) {
  std::uint32_t units = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    // An ASCII run, 8 bytes at a time: one UTF-16 unit per byte.
    std::uint64_t chunk = 0;
    if (i + 8 <= size && (std::memcpy(&chunk, bytes + i, 8), (chunk & 0x8080808080808080ULL) == 0)) {
      units += 8;
      i += 8;
      continue;
    }
    const unsigned char lead = bytes[i];
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > size) return std::nullopt;
    std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return std::nullopt;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    const bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units;
}

}  // namespace

void ResultEncoder::put_u32(std::uint32_t value) {
  const auto at = out_.size();
  out_.resize(at + 4);
  std::memcpy(out_.data() + at, &value, 4);  // wasm is little-endian
}

void ResultEncoder::put_i32(std::int32_t value) { put_u32(static_cast<std::uint32_t>(value)); }

void ResultEncoder::put_f64(double value) {
  const auto at = out_.size();
  out_.resize(at + 8);
  std::memcpy(out_.data() + at, &value, 8);
}

void ResultEncoder::put_text(std::string_view text) {
  const auto units = utf16_length(text);
  if (!units) {
    out_.push_back(kRawText);
    put_u32(static_cast<std::uint32_t>(text.size()));
    out_.insert(out_.end(), text.begin(), text.end());
    return;
  }
  out_.push_back(kText);
  put_u32(text_units_);
  put_u32(*units);
  text_.insert(text_.end(), text.begin(), text.end());
  text_units_ += *units;
}

void ResultEncoder::put_integer(std::int64_t number) {
  if (number >= -kMaxSafeInteger && number <= kMaxSafeInteger) {
    out_.push_back(kNumber);
    put_f64(static_cast<double>(number));
  } else {
    out_.push_back(kBigInteger);
    const auto at = out_.size();
    out_.resize(at + 8);
    std::memcpy(out_.data() + at, &number, 8);
  }
}

void ResultEncoder::put_blob(std::span<const std::uint8_t> bytes) {
  out_.push_back(kBlob);
  put_u32(static_cast<std::uint32_t>(bytes.size()));
  out_.insert(out_.end(), bytes.begin(), bytes.end());
}

void ResultEncoder::put_value(const Value& value) {
  switch (value.type()) {
    case ValueType::Null:
      out_.push_back(kNull);
      return;
    case ValueType::Integer:
      put_integer(value.as_int());
      return;
    case ValueType::Real:
      out_.push_back(kReal);
      put_f64(value.as_real());
      return;
    case ValueType::Text:
      put_text(value.as_text());
      return;
    case ValueType::Blob:
      put_blob(value.as_blob());
      return;
    case ValueType::Boolean:
      out_.push_back(value.as_bool() ? kTrue : kFalse);
      return;
  }
}

// The same bytes put_value writes for the Value SQLite's column would have become.
void ResultEncoder::put_cell(const ColumnCell& cell) {
  switch (cell.type) {
    case ValueType::Integer:
      put_integer(cell.integer);
      return;
    case ValueType::Real:
      out_.push_back(kReal);
      put_f64(cell.real);
      return;
    case ValueType::Text:
      put_text(cell.bytes);
      return;
    case ValueType::Blob:
      put_blob({reinterpret_cast<const std::uint8_t*>(cell.bytes.data()), cell.bytes.size()});
      return;
    default:
      out_.push_back(kNull);
      return;
  }
}

void ResultEncoder::start() {
  out_.clear();
  text_.clear();
  text_units_ = 0;
}

// Appends the text and patches the header's count and text offset.
std::vector<std::uint8_t>& ResultEncoder::finish(std::uint32_t count, std::size_t count_at, std::size_t text_offset_at) {
  const auto text_offset = static_cast<std::uint32_t>(out_.size());
  out_.insert(out_.end(), text_.begin(), text_.end());
  std::memcpy(out_.data() + count_at, &count, 4);
  std::memcpy(out_.data() + text_offset_at, &text_offset, 4);
  return out_;
}

std::vector<std::uint8_t>& ResultEncoder::encode(const ModelSelect& query, const BoundModels& models) {
  const CompiledSql compiled = query.sql();
  return encode(RowPlan(query.node()), query.database(), compiled, models);
}

std::vector<std::uint8_t>& ResultEncoder::encode(const RowPlan& plan, Database& database, const CompiledSql& compiled,
                                                 const BoundModels& models, bool with_plan) {
  start();
  if (with_plan) put_header(plan, models);
  else out_.resize(16);  // the header's four u32, 0: rows and text offset are patched below

  const auto& columns = plan.columns();
  std::uint32_t rows = 0;
  database.query(compiled.sql, compiled.params, [&](const RowView& row) {
    const int count = row.column_count();
    for (int i = 0; i < count; ++i) {
      const auto column = static_cast<std::size_t>(i);
      const ColumnCell cell = row.cell(i);
      const Field* field = column < columns.size() ? columns[column].field : nullptr;
      // Most cells (integers, text, canonical datetimes) convert to themselves: copy them
      // from SQLite's buffer instead of through a Value and python_value.
      if (!field || field->python_value_keeps(cell.type, cell.bytes)) put_cell(cell);
      else put_value(plan.convert(column, row.column(i)));
    }
    ++rows;
  });

  return finish(rows, 0, 12);
}

void ResultEncoder::put_header(const RowPlan& plan, const BoundModels& models) {
  const auto& targets = plan.targets();
  const auto& columns = plan.columns();

  put_u32(0);  // rows: patched below
  put_u32(static_cast<std::uint32_t>(columns.size()));
  put_u32(static_cast<std::uint32_t>(targets.size()));
  put_u32(0);  // text offset: patched below
  for (const auto& target : targets) {
    put_u32(static_cast<std::uint32_t>(models.id_of(*target.meta)));
    put_i32(target.parent);
    put_text(target.attr);
    put_u32(target.keep_empty ? 1 : 0);
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    put_i32(columns[i].target);
    put_i32(columns[i].field ? static_cast<std::int32_t>(columns[i].field->index()) : -1);
    put_text(columns[i].name);
  }
}

std::vector<std::uint8_t>& ResultEncoder::encode(const CompoundSelect& query, const BoundModels& models) {
  return encode(RowPlan(query.node().leftmost()), query.database(), query.sql(), models);
}

void ResultEncoder::clear() {
  out_ = {};
  text_ = {};
  loaded_ = {};
  text_units_ = 0;
}

}  // namespace peewasm::wasm
