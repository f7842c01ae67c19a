#pragma once
// Exported workbooks read back by an independent reader: tests/support/xlsx_read.py (openpyxl,
// Debian's python3-openpyxl) run on the bytes, its JSON parsed; and what the tests read in it.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <set>
#include <string>

#include "domain/money.hpp"

namespace sanpi::testing {

// The first sheet as xlsx_read.py describes it; an empty object (and a test failure) if the reader
// fails.
boost::json::object read_xlsx(const std::string& bytes);

inline constexpr std::size_t kTableHeadingRows = 4;  // title, unit line, two header rows

// The official layout's data rows (after the heading, before the 合计 row) and its 合计 row.
boost::json::array table_data_rows(const boost::json::object& book);
const boost::json::array& table_total_row(const boost::json::object& book);
std::set<std::string> merged_ranges(const boost::json::object& book);

// The workbook `bytes` with `rows` written into its first sheet from `first_row` (1-based) on, by
// openpyxl (support/xlsx_fill.py): cells as xlsx_read.py gives them. Empty (and a test failure) if
// the writer fails.
std::string fill_xlsx(const std::string& bytes, const boost::json::array& rows, int first_row);

std::string cell_text(const boost::json::value& v);  // "" unless a string
std::string cell_date(const boost::json::value& v);  // "YYYY-MM-DD" of a date cell, else ""
// A number cell back as an exact amount: the shortest decimal that reads as its double (what the
// writer wrote, for amounts of at most 15 significant digits), in `unit`.
domain::Money cell_amount(const boost::json::value& v, domain::MoneyUnit unit);

}  // namespace sanpi::testing
