#pragma once
// A table of a kind other than projects (monthly reports, coordination items) read in one
// streaming pass: the header found among the first rows with the kind's columns, every row after
// it classified (blank, 小计/合计, data), each data row handed to the kind's reader as it comes,
// total rows checked against the amount columns. (A project table has its own pass,
// project_table.hpp, which also sets repeated rows aside as it reads.)
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "service/import_lookup.hpp"
#include "service/import_totals.hpp"
#include "sheet/sheet_reader.hpp"

namespace sanpi::service {

struct ImportTableRead {
    std::string sheet;
    TableLayout layout;
    std::int64_t data_rows = 0;
    std::vector<TotalCheck> total_checks;
};

struct ImportTableOptions {
    std::size_t sheet = 0;
    ImportKind kind = ImportKind::kReports;
    std::function<void(std::int64_t rows_read)> progress;  // every 1,000 rows, when set
};

// What a kind's importer reads a table with: the caller's catalogue, the zone of rows that name
// none (a zone user's own, or --zone), the sheet, and a progress callback.
struct KindImportContext {
    const ImportCatalog& catalog;
    const ImportZone* default_zone = nullptr;
    std::size_t sheet = 0;
    std::function<void(std::int64_t rows_read)> progress;
};

// An error of one row's write, told by its row ("第7行：…", "row 7: …"): the whole commit stops on it.
Error error_at_row(std::int64_t row, Error e);

// Called once per data row, in sheet order, with the table's layout.
using ImportDataRow = std::function<void(const sheet::Row& row, const TableLayout& layout)>;

Result<ImportTableRead> read_import_table(sheet::SheetReader& reader, const ImportTableOptions& options,
                                          const ImportDataRow& on_data_row);

}  // namespace sanpi::service
