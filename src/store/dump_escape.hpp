#pragma once
// Field escaping of the dump format, after PostgreSQL's COPY text format: a field is the value
// with backslash, tab, newline and carriage return written as \\ \t \n \r; NULL is the field \N.
// So a row is one line whatever its values hold, and a file reads back byte for byte.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "store/dump.hpp"

namespace sanpi::store {

// Appends `value` escaped as one field.
void append_field(std::string& line, const DumpValue& value);

// Splits a row line at tabs into `fields`, undoing the escapes. Escapes other than the four above
// and \N (which must be a whole field) are refused: this reader accepts only what the writer writes.
Result<void> parse_fields(std::string_view line, std::vector<DumpValue>& fields);

}  // namespace sanpi::store
