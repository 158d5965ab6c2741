#pragma once
// Values crossing through the wasm heap instead of Embind vals, for the hot entries (save,
// prepared gets): JS writes them into a buffer this side owns (wasm/js/heap-values.ts), and
// results come back the same way. One tag byte, then the data, unaligned, little-endian:
//   0 null | 1 number (f64, read as from_js reads a number) | 2 text (u32 byte length, UTF-8)
//   3 false | 4 true | 5 bigint (i64) | 6 blob (u32 byte length, bytes)
// A request is a run of u32s and values, in the order its entry reads them.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "peewasm/value.hpp"

namespace peewasm::wasm {

class HeapValueReader {
 public:
  HeapValueReader(const std::uint8_t* data, std::size_t size) : data_(data), end_(data + size) {}

  std::uint8_t u8();
  std::uint32_t u32();
  Value value();

 private:
  const std::uint8_t* take(std::size_t count);

  const std::uint8_t* data_;
  const std::uint8_t* end_;
};

class HeapValueWriter {
 public:
  void clear() { bytes_.clear(); }
  void value(const Value& value);
  const std::vector<std::uint8_t>& bytes() const noexcept { return bytes_; }

 private:
  void put(const void* data, std::size_t size);

  std::vector<std::uint8_t> bytes_;
};

// The buffer JS writes a request into; its address holds until the next reserve().
class HeapRequestBuffer {
 public:
  // Room for at least `size` bytes, the bytes written so far kept; returns the address. A
  // buffer grown past kKeptBytes (a long text) shrinks back when a small size is asked for
  // (JS asks at the start of its next request).
  std::uintptr_t reserve(std::size_t size);
  static constexpr std::size_t kKeptBytes = 1 << 20;
  // The first `length` bytes, as JS wrote them.
  HeapValueReader reader(std::size_t length) const;
  void clear() { bytes_ = {}; }

 private:
  std::vector<std::uint8_t> bytes_;
};

}  // namespace peewasm::wasm
