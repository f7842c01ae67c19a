#pragma once
// The rows an import refused, gathered from its file with their cells as the file has them, so
// they can be downloaded, fixed and imported again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "service/project_import_row.hpp"
#include "sheet/sheet_reader.hpp"

namespace sanpi::service {

// One cell of a refused row: a number as written in the file, a date (a number in a date style),
// or text.
struct RejectedCell {
    int column = 0;  // 0-based, as in the file
    std::string text;
    bool number = false;
    std::optional<domain::Date> date;
};

struct RejectedRow {
    std::int64_t row = 0;  // the file's
    std::vector<RejectedCell> cells;
    std::vector<RowProblem> problems;
};

struct RejectedRows {
    std::string file_name, title;
    std::optional<domain::MoneyUnit> table_unit;
    // The header cell of every column the file names, by column: a two-row header's lower name
    // (总投资（亿元）, not 投资情况 / 总投资), which keeps a column's unit.
    std::vector<std::pair<int, std::string>> headers;
    std::vector<RejectedRow> rows;  // in file order
};

// Reads sheet `sheet` of `reader` again and keeps the rows `problems` name (sorted by row).
Result<std::vector<RejectedRow>> gather_rejected_rows(sheet::SheetReader& reader, std::size_t sheet,
                                                      const std::vector<RowProblem>& problems);

// The header a column shows when its header is written on one row.
std::string one_row_header(const std::string& joined);

}  // namespace sanpi::service
