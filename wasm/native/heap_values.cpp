#include "heap_values.hpp"

#include <cstring>
#include <string>

#include "peewasm/errors.hpp"
#include "values.hpp"

namespace peewasm::wasm {
namespace {

enum Tag : std::uint8_t { kNull, kNumber, kText, kFalse, kTrue, kBigInt, kBlob };

}  // namespace

const std::uint8_t* HeapValueReader::take(std::size_t count) {
  if (static_cast<std::size_t>(end_ - data_) < count) {
    throw InterfaceError("malformed heap request from the JS layer: it ends early");
  }
  const std::uint8_t* at = data_;
  data_ += count;
  return at;
}

std::uint8_t HeapValueReader::u8() { return *take(1); }

std::uint32_t HeapValueReader::u32() {
  std::uint32_t value = 0;
  std::memcpy(&value, take(4), 4);
  return value;
}

Value HeapValueReader::value() {
  switch (u8()) {
    case kNull: return Value(Null{});
    case kNumber: {
      double number = 0;
      std::memcpy(&number, take(8), 8);
      return number_value(number);
    }
    case kText: {
      const std::uint32_t size = u32();
      const auto* text = reinterpret_cast<const char*>(take(size));
      return Value(std::string(text, size));
    }
    case kFalse: return Value(false);
    case kTrue: return Value(true);
    case kBigInt: {
      std::int64_t number = 0;
      std::memcpy(&number, take(8), 8);
      return Value(static_cast<long long>(number));
    }
    case kBlob: {
      const std::uint32_t size = u32();
      const std::uint8_t* bytes = take(size);
      return Value(Blob(bytes, bytes + size));
    }
    default: throw InterfaceError("malformed heap request from the JS layer: unknown value tag");
  }
}

void HeapValueWriter::put(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  bytes_.insert(bytes_.end(), bytes, bytes + size);
}

void HeapValueWriter::value(const Value& value) {
  constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;
  switch (value.type()) {
    case ValueType::Null: bytes_.push_back(kNull); return;
    case ValueType::Integer: {
      const std::int64_t number = value.as_int();
      if (number >= -kMaxSafeInteger && number <= kMaxSafeInteger) {
        const double exact = static_cast<double>(number);
        bytes_.push_back(kNumber);
        put(&exact, 8);
      } else {
        bytes_.push_back(kBigInt);
        put(&number, 8);
      }
      return;
    }
    case ValueType::Real: {
      const double number = value.as_real();
      bytes_.push_back(kNumber);
      put(&number, 8);
      return;
    }
    case ValueType::Text: {
      const std::string& text = value.as_text();
      const auto size = static_cast<std::uint32_t>(text.size());
      bytes_.push_back(kText);
      put(&size, 4);
      put(text.data(), text.size());
      return;
    }
    case ValueType::Blob: {
      const Blob& blob = value.as_blob();
      const auto size = static_cast<std::uint32_t>(blob.size());
      bytes_.push_back(kBlob);
      put(&size, 4);
      put(blob.data(), blob.size());
      return;
    }
    case ValueType::Boolean: bytes_.push_back(value.as_bool() ? kTrue : kFalse); return;
  }
}

std::uintptr_t HeapRequestBuffer::reserve(std::size_t size) {
  if (bytes_.size() < size) {
    bytes_.resize(size);
  } else if (bytes_.size() > kKeptBytes && size <= kKeptBytes) {
    bytes_ = std::vector<std::uint8_t>(size);  // a large request's room goes back to malloc
  }
  return reinterpret_cast<std::uintptr_t>(bytes_.data());
}

HeapValueReader HeapRequestBuffer::reader(std::size_t length) const {
  if (length > bytes_.size()) throw InterfaceError("malformed heap request from the JS layer: longer than its buffer");
  return {bytes_.data(), length};
}

}  // namespace peewasm::wasm
