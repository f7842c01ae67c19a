#pragma once
// Bytes (photos) in the dump: `\x` followed by two lower-case hex digits per byte — PostgreSQL's
// text form of BYTEA, so a BLOB exported from SQLite and a BYTEA exported from PostgreSQL read
// the same, checksum the same and load into either backend.
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::store {

std::string hex_bytes(std::string_view bytes);
// The bytes of a `\x...` text; none for anything else (odd length, a non-hex digit).
std::optional<std::string> bytes_from_hex(std::string_view text);
// An import refusal naming the column whose value is not `\x` and hex digits.
Error not_hex_bytes(std::string_view table, std::string_view column);

}  // namespace sanpi::store
