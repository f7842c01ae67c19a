#pragma once
// Internal to xlsx_table*.cpp: the open workbook behind an XlsxTable, its cell formats and the
// parts of the layout (libxlsxwriter stays inside src/report).
#include <xlsxwriter.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "report/xlsx_table.hpp"

namespace sanpi::report {

// The cell formats of the layout, made once per workbook (the workbook owns them).
struct TableFormats {
    static constexpr int kMaxDecimals = 10;  // a fen in 亿元

    lxw_workbook* workbook = nullptr;
    lxw_format* title = nullptr;
    lxw_format* unit_left = nullptr;
    lxw_format* unit_right = nullptr;
    lxw_format* header = nullptr;
    lxw_format* serial = nullptr;
    lxw_format* text = nullptr;
    lxw_format* date = nullptr;
    lxw_format* total_label = nullptr;
    lxw_format* total_text = nullptr;
    lxw_format* integer = nullptr;        // #,##0
    lxw_format* integer_total = nullptr;  // the same, bold
    // Money with 0..kMaxDecimals places, plain and in the 合计 row (bold); made when first used.
    std::array<lxw_format*, kMaxDecimals + 1> money_plain{};
    std::array<lxw_format*, kMaxDecimals + 1> money_total{};

    explicit TableFormats(lxw_workbook* wb);
    lxw_format* money(int decimals, bool total);
};

struct TableSheet {
    static constexpr lxw_row_t kTitleRow = 0;
    static constexpr lxw_row_t kUnitRow = 1;
    static constexpr lxw_row_t kHeaderRow = 2;     // groups, and the columns spanning both header rows
    static constexpr lxw_row_t kSubHeaderRow = 3;  // the columns under a group
    static constexpr lxw_row_t kFirstDataRow = 4;
    static constexpr std::size_t kMaxColumnWidth = 40;  // wider text wraps
    static constexpr std::size_t kMinColumnWidth = 6;
    static constexpr std::size_t kWidthPadding = 2;

    TableSpec spec;
    std::string path;  // the temporary file the workbook is written to
    lxw_workbook* workbook = nullptr;
    lxw_worksheet* sheet = nullptr;
    TableFormats formats;
    std::vector<std::size_t> widths;  // per sheet column, 序号 first
    // The format of cells typed into a column later (a template's), per sheet column; none: default.
    std::vector<lxw_format*> column_formats;
    std::vector<domain::Money> totals;
    std::vector<std::int64_t> integer_totals;
    std::int64_t rows = 0;

    TableSheet(TableSpec s, std::string file, lxw_workbook* wb, lxw_worksheet* ws);

    lxw_col_t columns() const { return static_cast<lxw_col_t>(spec.columns.size() + 1); }
    lxw_row_t row_of(std::int64_t n) const { return kFirstDataRow + static_cast<lxw_row_t>(n); }
    void widen(lxw_col_t col, std::size_t width);

    Result<void> write_text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format);
    Result<void> write_money(lxw_row_t row, lxw_col_t col, domain::Money amount, bool total);
    Result<void> write_integer(lxw_row_t row, lxw_col_t col, std::int64_t value, bool total);
    Result<void> write_cell(lxw_row_t row, lxw_col_t col, const TableCell& cell);
    // A range's text in its first cell (the current row), merged; a range of one cell is written alone.
    Result<void> merged(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& text,
                        lxw_format* format);

    // The layout (xlsx_table_layout.cpp).
    Result<void> write_heading();
    Result<void> write_header();
    Result<void> write_total();
    void set_widths();
    void set_page();
};

Result<void> check_lxw(lxw_error e);

// A workbook in a temporary file (constant-memory mode) holding the table's sheet with its title,
// unit line and header written. kInvalidInput if the spec has no columns; kInternal if the
// workbook cannot be made.
Result<std::unique_ptr<TableSheet>> open_table_sheet(TableSpec spec);
// Closes the workbook and answers its bytes; the temporary file is removed either way.
Result<std::string> close_table_sheet(TableSheet& sheet);
// Closes an unfinished workbook (the one way libxlsxwriter frees it) and removes its file.
void discard_table_sheet(TableSheet& sheet);

}  // namespace sanpi::report
