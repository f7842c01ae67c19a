#pragma once
// The rows an import refused, as a workbook to fix and import again:
//
//   row 1   the title (the file's own, marked as its refused rows)
//   row 2   the file's unit line (单位：亿元) when it had one
//   row 3   the file's headers on one row, each in its own column as in the file
//   rows 4… the refused rows' cells as the file had them, then 原行号 (the row in the file) and
//           拒绝原因 (every reason, by column), two columns the importer does not know and ignores
//
// Columns keep their places, so "D列" in a reason is column D of this workbook too.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace sanpi::report {

struct RefusedCell {
    int column = 0;  // 0-based
    std::string text;
    bool number = false;              // written as a number (the file's own digits)
    std::optional<domain::Date> date;  // written as a date
};

struct RefusedRow {
    std::int64_t row = 0;
    std::vector<RefusedCell> cells;
    std::string reasons;
};

struct RefusedRowsSheet {
    std::string title;
    std::string unit_line;                             // empty: none
    std::vector<std::pair<int, std::string>> headers;  // by column
    std::string row_header = "原行号";
    std::string reason_header = "拒绝原因";
    std::vector<RefusedRow> rows;
};

Result<std::string> refused_rows_workbook(const RefusedRowsSheet& sheet);

}  // namespace sanpi::report
