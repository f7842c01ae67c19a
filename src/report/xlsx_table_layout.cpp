// The parts of the official layout around the data rows: title, unit line, the two-row header,
// the 合计 row, column widths and the printed page.
#include <algorithm>
#include <numeric>

#include "report/text_width.hpp"
#include "report/xlsx_table_sheet.hpp"

namespace sanpi::report {

namespace {

constexpr double kTitleHeight = 30;
constexpr std::uint8_t kPaperA4 = 9;

// The columns [first, last] of the group that starts at `first`.
std::size_t group_end(const std::vector<TableColumn>& cols, std::size_t first) {
    std::size_t last = first;
    while (last + 1 < cols.size() && cols[last + 1].group == cols[first].group) ++last;
    return last;
}

bool starts_group(const std::vector<TableColumn>& cols, std::size_t i) {
    return !cols[i].group.empty() && (i == 0 || cols[i - 1].group != cols[i].group);
}

}  // namespace

Result<void> TableSheet::write_heading() {
    const auto last = static_cast<lxw_col_t>(columns() - 1);
    if (auto r = check_lxw(worksheet_set_row(sheet, kTitleRow, kTitleHeight, nullptr)); !r) return r;
    if (auto r = merged(kTitleRow, 0, kTitleRow, last, spec.title, formats.title); !r) return r;
    // The unit line: who fills the table in on the left half, the unit on the right.
    const auto split = static_cast<lxw_col_t>(columns() / 2);
    auto left = merged(kUnitRow, 0, kUnitRow, static_cast<lxw_col_t>(split - 1), spec.filled_by, formats.unit_left);
    if (!left) return left;
    return merged(kUnitRow, split, kUnitRow, last, spec.unit_note, formats.unit_right);
}

// In constant-memory mode a row goes to disk when the next one begins, and worksheet_merge_range
// both records a range and writes its cells. So the upper header row is written whole first, its
// groups merged while it is the current row; then the lower row; and the columns spanning both rows
// are merged from there: libxlsxwriter keeps each range and refuses only the write into the upper
// row, whose cell already holds the header.
Result<void> TableSheet::write_header() {
    const auto& cols = spec.columns;
    if (auto r = write_text(kHeaderRow, 0, spec.serial_header, formats.header); !r) return r;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i + 1);
        Result<void> r;
        if (cols[i].group.empty()) {
            r = write_text(kHeaderRow, col, cols[i].header, formats.header);
        } else if (starts_group(cols, i)) {
            const auto end = static_cast<lxw_col_t>(group_end(cols, i) + 1);
            r = merged(kHeaderRow, col, kHeaderRow, end, cols[i].group, formats.header);
        }
        if (!r) return r;
    }
    for (std::size_t i = 0; i <= cols.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i);
        const bool spans_both = i == 0 || cols[i - 1].group.empty();
        auto r = spans_both ? check_lxw(worksheet_write_blank(sheet, kSubHeaderRow, col, formats.header))
                            : write_text(kSubHeaderRow, col, cols[i - 1].header, formats.header);
        if (!r) return r;
    }
    for (std::size_t i = 0; i <= cols.size(); ++i) {
        if (i > 0 && !cols[i - 1].group.empty()) continue;
        const auto& text = i == 0 ? spec.serial_header : cols[i - 1].header;
        const auto col = static_cast<lxw_col_t>(i);
        auto r =
            check_lxw(worksheet_merge_range(sheet, kHeaderRow, col, kSubHeaderRow, col, text.c_str(), formats.header));
        if (!r) return r;
    }
    worksheet_freeze_panes(sheet, kFirstDataRow, 0);
    return {};
}

Result<void> TableSheet::write_total() {
    const auto row = row_of(rows);
    widen(0, std::to_string(rows).size());
    if (auto r = write_text(row, 0, spec.total_label, formats.total_label); !r) return r;
    const auto& cols = spec.columns;
    const auto counted =
        std::find_if(cols.begin(), cols.end(), [](const auto& c) { return c.kind == TableColumnKind::kText; });
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i + 1);
        Result<void> r;
        if (cols[i].kind == TableColumnKind::kMoney && cols[i].totalled) {
            r = write_money(row, col, totals[i], true);
        } else if (cols[i].kind == TableColumnKind::kInteger && cols[i].totalled) {
            r = write_integer(row, col, integer_totals[i], true);
        } else if (counted != cols.end() && i == static_cast<std::size_t>(counted - cols.begin())) {
            r = write_text(row, col, spec.count_prefix + std::to_string(rows) + spec.count_suffix, formats.total_text);
        } else {
            r = check_lxw(worksheet_write_blank(sheet, row, col, formats.total_text));
        }
        if (!r) return r;
    }
    return {};
}

// Each column as wide as its widest text (within bounds), with its format if it has one; a group's
// header fits over its columns, the last of them widened if need be.
void TableSheet::set_widths() {
    std::vector<std::size_t> shown(widths.size());
    for (std::size_t col = 0; col < widths.size(); ++col) {
        shown[col] = std::clamp(widths[col] + kWidthPadding, kMinColumnWidth, kMaxColumnWidth);
    }
    const auto& cols = spec.columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (!starts_group(cols, i)) continue;
        const auto end = group_end(cols, i);
        const auto under = std::accumulate(shown.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                           shown.begin() + static_cast<std::ptrdiff_t>(end + 2), std::size_t{0});
        const auto needed = display_width(cols[i].group) + kWidthPadding;
        if (under < needed) shown[end + 1] += needed - under;
    }
    for (std::size_t col = 0; col < shown.size(); ++col) {
        const auto c = static_cast<lxw_col_t>(col);
        lxw_format* format = col < column_formats.size() ? column_formats[col] : nullptr;
        worksheet_set_column(sheet, c, c, static_cast<double>(shown[col]), format);
    }
}

// Printed on A4 across, one page wide, the header repeated on every page.
void TableSheet::set_page() {
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, kPaperA4);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_repeat_rows(sheet, kHeaderRow, kSubHeaderRow);
}

}  // namespace sanpi::report
