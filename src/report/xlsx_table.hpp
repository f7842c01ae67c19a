#pragma once
// A table in the official layout officials forward to each other, written as an XLSX workbook
// (libxlsxwriter, constant-memory mode) one row at a time:
//
//   row 1   title, merged across the table, bold and centred
//   row 2   填报单位：… on the left, 单位：亿元 on the right
//   rows 3-4  the header: a column under a group (投资情况 over 总投资 and 年度计划投资) sits in
//           row 4 below its group's merged cell; any other column spans both rows
//   rows 5… 序号 and the data, then a 合计 row: the count of rows and the sum of each money and
//           integer column (unless the column is not totalled)
//
// Panes are frozen below the header, the header repeats on every printed page, and each column is
// as wide as its widest text (display_width: a CJK character counts two). Money cells are numbers
// in the spec's unit, dates real Excel dates shown yyyy-mm-dd.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/money.hpp"

namespace sanpi::report {

// kInteger: a whole number (projects counted, people employed, a percentage), summed exactly.
enum class TableColumnKind { kText, kMoney, kDate, kInteger };

struct TableColumn {
    std::string header;
    // Adjacent columns with the same non-empty group share a parent header cell above theirs.
    std::string group;
    TableColumnKind kind = TableColumnKind::kText;
    // Whether the 合计 row sums a money or integer column; false for figures whose sum means nothing
    // (a percentage, a cumulative amount, a head count), left blank there.
    bool totalled = true;
};

struct TableSpec {
    std::string sheet_name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
    std::string title;
    std::string filled_by;  // the unit line's left part: "填报单位：山西省"
    std::string unit_note;  // its right part: "单位：亿元"
    std::string serial_header = "序号";
    std::string total_label = "合计";
    // The 合计 row's count, in the first column after 序号: prefix, the number of rows, suffix.
    std::string count_prefix = "共";
    std::string count_suffix = "项";
    domain::MoneyUnit unit = domain::MoneyUnit::kYi;
    std::vector<TableColumn> columns;  // after 序号, which every table has
};

// A cell of a data row: blank, text, an amount (written in the spec's unit), a date or a whole number.
using TableCell = std::variant<std::monostate, std::string, domain::Money, domain::Date, std::int64_t>;

// Excel's serial number of a date in its 1900 date system (1900-03-01 is 61: Excel counts a
// 1900-02-29 that never was).
double excel_serial(domain::Date date);

// The number format that shows an amount of `decimals` decimal places exactly: "#,##0" for none,
// "#,##0.00" for two.
std::string money_format(int decimals);

class XlsxTable {
public:
    // Starts a workbook in a temporary file and writes the title, unit line and header. Each row
    // then goes to disk when the next one begins (constant-memory mode), so memory stays flat
    // however many rows follow. kInvalidInput if the spec has no columns; kInternal if the
    // workbook cannot be created.
    static Result<std::unique_ptr<XlsxTable>> open(TableSpec spec);
    ~XlsxTable();  // an unfinished workbook is discarded
    XlsxTable(const XlsxTable&) = delete;
    XlsxTable& operator=(const XlsxTable&) = delete;

    // One data row, numbered in 序号: a cell per column (missing ones blank). A Money cell in a
    // totalled money column adds to its total, an integer in a totalled integer column to its own.
    // kInvalidInput (naming "rows") past max_rows(); kInternal if a cell cannot be written (text
    // longer than the 32,767 characters a cell holds) or a total overflows.
    Result<void> add_row(const std::vector<TableCell>& cells);
    // Writes the 合计 row and the column widths, closes the workbook and returns its bytes.
    Result<std::string> finish();

    std::int64_t row_count() const;
    // The data rows a sheet holds: Excel's 1,048,576 less the heading and the 合计 row.
    static std::int64_t max_rows();
    // The totals so far, one per column (zero for columns other than totalled money ones).
    const std::vector<domain::Money>& totals() const;
    // The same for totalled integer columns.
    const std::vector<std::int64_t>& integer_totals() const;

private:
    struct Impl;
    explicit XlsxTable(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace sanpi::report
