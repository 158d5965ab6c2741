#pragma once
// Private: UUIDs as Python's uuid module reads and writes them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peewasm::uuid_text {

using Bytes = std::array<std::uint8_t, 16>;

// uuid.UUID(text): 32 hex digits, optionally with dashes, braces and a "urn:uuid:" prefix.
std::optional<Bytes> parse(std::string_view text);

// UUID.hex ("0000...0001", 32 lowercase digits) and str(UUID) ("00000000-0000-...-000000000001").
std::string hex(const Bytes& bytes);
std::string dashed(const Bytes& bytes);

}  // namespace peewasm::uuid_text
