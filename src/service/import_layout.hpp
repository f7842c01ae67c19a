#pragma once
// Where a table sent by a zone has its header, and what each column is. Real tables carry a
// title row and a 填报单位 / 单位：亿元 line above the header, and headers over two rows: a group
// label merged across its columns (投资情况 over 总投资 and 年度计划投资) and single columns merged
// down both rows (序号, 项目名称). The header is the row, or pair of rows, that names the most
// known columns among the first rows of the sheet.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "service/import_columns.hpp"
#include "sheet/sheet_reader.hpp"

namespace sanpi::service {

// How many rows from the top are searched for the header.
inline constexpr std::size_t kHeaderSearchRows = 20;

struct ImportColumn {
    int column = 0;  // 0-based
    ImportField field = ImportField::kRemarks;
    std::optional<domain::MoneyUnit> unit;  // money columns: the header's own unit
    std::string header;                     // as the sheet shows it, both rows joined by " / "
};

struct IgnoredHeader {
    int column = 0;
    std::string header;
    bool repeated = false;  // names a column already matched to its left
};

struct TableLayout {
    std::int64_t header_first_row = 0, header_last_row = 0;  // 1-based sheet rows
    std::string title;                                       // the first text above the header
    std::optional<domain::MoneyUnit> table_unit;             // a 单位：… line above the header
    std::vector<ImportColumn> columns;                       // in column order
    std::vector<IgnoredHeader> ignored;                      // header cells naming no known column

    const ImportColumn* find(ImportField field) const;
    // The unit a money column is read in: its header's, else the table's, else 万元, the unit
    // project tables use most (the preview shows which was taken).
    domain::MoneyUnit unit_of(const ImportColumn& column) const;
};

// `top` is the sheet's first rows (at most kHeaderSearchRows), in order; only the columns `kind`
// reads are columns. Fails, naming the field "file", when no row names at least two of them.
Result<TableLayout> find_layout(const std::vector<sheet::Row>& top, const std::vector<sheet::MergedRange>& merges,
                                ImportKind kind = ImportKind::kProjects);

// The cell of a row at a column, or null; cells are in column order.
const sheet::Cell* cell_at(const sheet::Row& row, int column);

// "A", "B", …, "AA": how a spreadsheet names a 0-based column.
std::string column_letter(int column);

}  // namespace sanpi::service
