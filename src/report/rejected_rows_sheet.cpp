#include "report/rejected_rows_sheet.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>

#include "report/text_width.hpp"
#include "report/workbook_file.hpp"
#include "report/xlsx_table.hpp"
#include "report/xlsx_table_sheet.hpp"

namespace sanpi::report {

namespace {

constexpr std::size_t kMaxRefusedWidth = 60;

class RefusedWriter {
public:
    RefusedWriter(lxw_workbook* wb, lxw_worksheet* ws) : sheet_(ws) {
        title_ = workbook_add_format(wb);
        format_set_bold(title_);
        format_set_font_size(title_, 14);
        header_ = workbook_add_format(wb);
        format_set_bold(header_);
        format_set_border(header_, LXW_BORDER_THIN);
        format_set_bg_color(header_, 0xD9D9D9);
        cell_ = workbook_add_format(wb);
        format_set_border(cell_, LXW_BORDER_THIN);
        reason_ = workbook_add_format(wb);
        format_set_border(reason_, LXW_BORDER_THIN);
        format_set_font_color(reason_, 0xC00000);
        format_set_text_wrap(reason_);
        date_ = workbook_add_format(wb);
        format_set_border(date_, LXW_BORDER_THIN);
        format_set_num_format(date_, "yyyy-mm-dd");
    }

    Result<void> text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
        widen(col, display_width(text));
        return check_lxw(worksheet_write_string(sheet_, row, col, text.c_str(), format));
    }

    Result<void> cell(lxw_row_t row, const RefusedCell& c) {
        const auto col = static_cast<lxw_col_t>(c.column);
        if (c.date) {
            widen(col, 10);
            return check_lxw(worksheet_write_number(sheet_, row, col, excel_serial(*c.date), date_));
        }
        double value = 0;
        const auto* end = c.text.data() + c.text.size();
        if (c.number && std::from_chars(c.text.data(), end, value).ptr == end) {
            widen(col, c.text.size());
            return check_lxw(worksheet_write_number(sheet_, row, col, value, cell_));
        }
        return text(row, col, c.text, cell_);
    }

    Result<void> number(lxw_row_t row, lxw_col_t col, std::int64_t n) {
        widen(col, std::to_string(n).size());
        return check_lxw(worksheet_write_number(sheet_, row, col, static_cast<double>(n), cell_));
    }

    lxw_format* title_format() const { return title_; }
    lxw_format* header_format() const { return header_; }
    lxw_format* reason_format() const { return reason_; }

    Result<void> set_widths() {
        for (std::size_t col = 0; col < widths_.size(); ++col) {
            const double width = static_cast<double>(std::min(widths_[col] + 2, kMaxRefusedWidth));
            if (auto r = check_lxw(worksheet_set_column(sheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                                        std::max(width, 6.0), nullptr));
                !r) {
                return r;
            }
        }
        return {};
    }

private:
    void widen(lxw_col_t col, std::size_t width) {
        if (widths_.size() <= col) widths_.resize(col + 1, 0);
        widths_[col] = std::max(widths_[col], width);
    }

    lxw_worksheet* sheet_;
    lxw_format *title_ = nullptr, *header_ = nullptr, *cell_ = nullptr, *reason_ = nullptr, *date_ = nullptr;
    std::vector<std::size_t> widths_;
};

Result<void> write_refused(lxw_workbook* wb, lxw_worksheet* ws, const RefusedRowsSheet& sheet) {
    RefusedWriter w(wb, ws);
    int last = -1;
    for (const auto& [column, header] : sheet.headers) last = std::max(last, column);
    const auto row_col = static_cast<lxw_col_t>(last + 1), reason_col = static_cast<lxw_col_t>(last + 2);
    if (auto r = check_lxw(worksheet_write_string(ws, 0, 0, sheet.title.c_str(), w.title_format())); !r) return r;
    lxw_row_t header_row = 1;
    if (!sheet.unit_line.empty()) {
        if (auto r = check_lxw(worksheet_write_string(ws, 1, 0, sheet.unit_line.c_str(), nullptr)); !r) return r;
        header_row = 2;
    }
    for (const auto& [column, header] : sheet.headers) {
        if (auto r = w.text(header_row, static_cast<lxw_col_t>(column), header, w.header_format()); !r) return r;
    }
    if (auto r = w.text(header_row, row_col, sheet.row_header, w.header_format()); !r) return r;
    if (auto r = w.text(header_row, reason_col, sheet.reason_header, w.header_format()); !r) return r;
    lxw_row_t row = header_row + 1;
    for (const auto& refused : sheet.rows) {
        for (const auto& c : refused.cells) {
            if (c.column > last) continue;  // past the header: nothing the importer reads
            if (auto r = w.cell(row, c); !r) return r;
        }
        if (auto r = w.number(row, row_col, refused.row); !r) return r;
        if (auto r = w.text(row, reason_col, refused.reasons, w.reason_format()); !r) return r;
        ++row;
    }
    worksheet_freeze_panes(ws, header_row + 1, 0);
    return w.set_widths();
}

}  // namespace

Result<std::string> refused_rows_workbook(const RefusedRowsSheet& sheet) {
    auto path = temporary_file();
    if (!path) return path.error();
    lxw_workbook* wb = workbook_new(path->c_str());
    if (wb == nullptr) {
        remove_file(*path);
        return Error::internal("无法生成电子表格", "could not create the workbook");
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    auto written = ws != nullptr ? write_refused(wb, ws, sheet)
                                 : Result<void>(Error::internal("无法生成电子表格", "could not create the worksheet"));
    const lxw_error closed = workbook_close(wb);
    auto bytes = !written ? Result<std::string>(written.error())
                 : closed == LXW_NO_ERROR ? read_whole_file(*path)
                                          : Result<std::string>(check_lxw(closed).error());
    remove_file(*path);
    return bytes;
}

}  // namespace sanpi::report
