#pragma once
// libxlsxwriter writes workbooks to files: each is written to a private temporary file, read back
// as bytes and removed.
#include <string>

#include "domain/error.hpp"

namespace sanpi::report {

// A new empty file in the temporary directory that no other has (mkstemp).
Result<std::string> temporary_file();
Result<std::string> read_whole_file(const std::string& path);
void remove_file(const std::string& path);

}  // namespace sanpi::report
