#pragma once
// Exported workbooks read back by an independent reader: tests/support/xlsx_read.py (openpyxl,
// Debian's python3-openpyxl) run on the bytes, its JSON parsed.
#include <boost/json/object.hpp>
#include <string>

namespace sanpi::testing {

// The first sheet as xlsx_read.py describes it; an empty object (and a test failure) if the reader
// fails.
boost::json::object read_xlsx(const std::string& bytes);

}  // namespace sanpi::testing
