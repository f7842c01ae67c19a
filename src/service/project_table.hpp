#pragma once
// A whole project table read from a sheet, in one streaming pass: the header found among the
// first rows, every row after it classified (blank, 小计/合计, data), data rows read into API
// fields or rejected by cell, rows repeated inside the file set aside, total rows checked.
// Matching the rows to stored projects is the import service's business.
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "service/import_totals.hpp"
#include "service/project_import_row.hpp"
#include "sheet/sheet_reader.hpp"

namespace sanpi::service {

struct RepeatedRow {
    std::int64_t row = 0;
    std::int64_t same_as_row = 0;
};

struct ProjectTable {
    std::string sheet;
    TableLayout layout;
    std::int64_t data_rows = 0;        // rows read as projects, accepted or not
    // In sheet order, repeats left out. A deque: it grows without moving what it holds (a
    // vector's doubling held two copies of 100,000 one-kilobyte rows for a moment).
    std::deque<ProjectRow> accepted;
    std::vector<RowProblem> rejected;  // every problem of every rejected row
    std::vector<RepeatedRow> repeated;
    std::vector<TotalCheck> total_checks;
};

struct ProjectTableOptions {
    std::size_t sheet = 0;
    const ImportZone* default_zone = nullptr;
    domain::Date today;
    std::function<void(std::int64_t rows_read)> progress;  // every 1,000 rows, when set
};

Result<ProjectTable> read_project_table(sheet::SheetReader& reader, const ImportCatalog& catalog,
                                        const ProjectTableOptions& options);

// Two rows are the same project when they give the same code, else the same zone, normalised
// name and investor (credit code, else name).
std::string repeat_key(const ProjectRow& row);

}  // namespace sanpi::service
