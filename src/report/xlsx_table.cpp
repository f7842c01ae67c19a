#include "report/xlsx_table.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "report/text_width.hpp"
#include "report/workbook_file.hpp"
#include "report/xlsx_table_sheet.hpp"

namespace sanpi::report {

namespace {

// The width an amount shows in: its characters and a thousands separator per three whole digits.
std::size_t shown_width(const std::string& decimal) {
    const auto point = decimal.find('.');
    const auto whole = point == std::string::npos ? decimal.size() : point;
    return decimal.size() + (whole - 1) / 3;
}

int decimals_of(const std::string& decimal) {
    const auto point = decimal.find('.');
    return point == std::string::npos ? 0 : static_cast<int>(decimal.size() - point - 1);
}

}  // namespace

Result<void> check_lxw(lxw_error e) {
    if (e == LXW_NO_ERROR) return {};
    const std::string why = lxw_strerror(e);
    return Error::internal("无法生成电子表格：" + why, "could not write the workbook: " + why);
}

double excel_serial(domain::Date date) {
    // 1970-01-01 is serial 25569; before 1900-03-01 (serial 61) Excel's phantom 1900-02-29 is not
    // yet counted.
    constexpr std::int32_t kMarch1900 = -25508;
    const auto days = date.days_since_epoch();
    return static_cast<double>(days) + (days < kMarch1900 ? 25568.0 : 25569.0);
}

std::string money_format(int decimals) {
    return decimals <= 0 ? std::string("#,##0") : "#,##0." + std::string(static_cast<std::size_t>(decimals), '0');
}

TableSheet::TableSheet(TableSpec s, std::string file, lxw_workbook* wb, lxw_worksheet* ws)
    : spec(std::move(s)),
      path(std::move(file)),
      workbook(wb),
      sheet(ws),
      formats(wb),
      widths(spec.columns.size() + 1, 0),
      totals(spec.columns.size()),
      integer_totals(spec.columns.size(), 0) {}

void TableSheet::widen(lxw_col_t col, std::size_t width) { widths[col] = std::max(widths[col], width); }

Result<void> TableSheet::write_text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    if (text.empty()) return check_lxw(worksheet_write_blank(sheet, row, col, format));
    // Text is never wider than its bytes, and a column stops at kMaxColumnWidth: only text that may
    // still widen its column is measured (most cells of a long table are not).
    if (text.size() > widths[col] && widths[col] + kWidthPadding < kMaxColumnWidth) {
        widen(col, display_width(text));
    }
    return check_lxw(worksheet_write_string(sheet, row, col, text.c_str(), format));
}

Result<void> TableSheet::merged(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& text,
                                lxw_format* format) {
    if (r1 == r2 && c1 == c2) return check_lxw(worksheet_write_string(sheet, r1, c1, text.c_str(), format));
    return check_lxw(worksheet_merge_range(sheet, r1, c1, r2, c2, text.c_str(), format));
}

Result<void> TableSheet::write_money(lxw_row_t row, lxw_col_t col, domain::Money amount, bool total) {
    const auto decimal = amount.to_decimal(spec.unit);
    // The exact decimal in the table's unit (at most ten places: a fen in 亿元) is converted once,
    // here, to the double Excel stores. A double keeps any decimal of up to 15 significant digits
    // (DBL_DIG) so closely that rounding it back to that many digits gives the same decimal, and the
    // cell's format shows exactly this decimal's places: the figure shown is the exact amount for
    // every amount below 10^15 fen (10 trillion yuan). Excel shows no more than 15 digits anyway.
    double value = 0;
    std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
    widen(col, shown_width(decimal));
    return check_lxw(worksheet_write_number(sheet, row, col, value, formats.money(decimals_of(decimal), total)));
}

Result<void> TableSheet::write_integer(lxw_row_t row, lxw_col_t col, std::int64_t value, bool total) {
    const auto text = std::to_string(value);
    widen(col, shown_width(value < 0 ? text.substr(1) : text) + (value < 0 ? 1 : 0));
    // Whole numbers up to 2^53 are exact in the double a cell stores.
    return check_lxw(worksheet_write_number(sheet, row, col, static_cast<double>(value),
                                            total ? formats.integer_total : formats.integer));
}

Result<void> TableSheet::write_cell(lxw_row_t row, lxw_col_t col, const TableCell& cell) {
    const auto index = static_cast<std::size_t>(col) - 1;
    const auto& column = spec.columns[index];
    if (const auto* text = std::get_if<std::string>(&cell)) return write_text(row, col, *text, formats.text);
    if (const auto* amount = std::get_if<domain::Money>(&cell)) {
        if (column.kind == TableColumnKind::kMoney && column.totalled) {
            auto sum = totals[index].checked_add(*amount);
            if (!sum) return sum.error();
            totals[index] = *sum;
        }
        return write_money(row, col, *amount, false);
    }
    if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        if (column.kind == TableColumnKind::kInteger && column.totalled) {
            std::int64_t sum = 0;
            if (__builtin_add_overflow(integer_totals[index], *number, &sum)) {
                return Error::internal("合计超出范围", "a total is out of range");
            }
            integer_totals[index] = sum;
        }
        return write_integer(row, col, *number, false);
    }
    if (const auto* date = std::get_if<domain::Date>(&cell)) {
        widen(col, date->iso().size());
        return check_lxw(worksheet_write_number(sheet, row, col, excel_serial(*date), formats.date));
    }
    return check_lxw(worksheet_write_blank(sheet, row, col, formats.text));
}

Result<std::unique_ptr<TableSheet>> open_table_sheet(TableSpec spec) {
    if (spec.columns.empty()) return Error::invalid_field("columns", "表格至少需要一列", "a table needs a column");
    auto path = temporary_file();
    if (!path) return path.error();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* workbook = workbook_new_opt(path->c_str(), &options);
    if (workbook == nullptr) {
        remove_file(*path);
        return Error::internal("无法创建电子表格", "could not create the workbook");
    }
    lxw_worksheet* ws = workbook_add_worksheet(workbook, spec.sheet_name.empty() ? nullptr : spec.sheet_name.c_str());
    auto sheet = std::make_unique<TableSheet>(std::move(spec), std::move(*path), workbook, ws);
    if (ws == nullptr) {
        discard_table_sheet(*sheet);
        return Error::internal("工作表名称无效", "the sheet name is not one Excel accepts");
    }
    auto written = sheet->write_heading();
    if (written) written = sheet->write_header();
    if (!written) {
        discard_table_sheet(*sheet);
        return written.error();
    }
    return sheet;
}

Result<std::string> close_table_sheet(TableSheet& s) {
    const auto closed = workbook_close(s.workbook);
    s.workbook = nullptr;
    auto bytes = closed == LXW_NO_ERROR ? read_whole_file(s.path) : Result<std::string>(check_lxw(closed).error());
    remove_file(s.path);
    return bytes;
}

void discard_table_sheet(TableSheet& s) {
    if (s.workbook != nullptr) workbook_close(s.workbook);
    s.workbook = nullptr;
    remove_file(s.path);
}

struct XlsxTable::Impl {
    std::unique_ptr<TableSheet> sheet;
    bool finished = false;
};

XlsxTable::XlsxTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

XlsxTable::~XlsxTable() {
    if (impl_ && !impl_->finished) discard_table_sheet(*impl_->sheet);
}

Result<std::unique_ptr<XlsxTable>> XlsxTable::open(TableSpec spec) {
    auto sheet = open_table_sheet(std::move(spec));
    if (!sheet) return sheet.error();
    auto impl = std::make_unique<Impl>();
    impl->sheet = std::move(*sheet);
    return std::unique_ptr<XlsxTable>(new XlsxTable(std::move(impl)));
}

namespace {
Error finished_already() { return Error::internal("电子表格已经完成", "the workbook is finished already"); }
}  // namespace

Result<void> XlsxTable::add_row(const std::vector<TableCell>& cells) {
    if (impl_->finished) return finished_already();
    auto& s = *impl_->sheet;
    const auto row = s.row_of(s.rows);
    if (row + 1 >= LXW_ROW_MAX) {  // the 合计 row needs the last one
        return Error::invalid_field(
            "rows", "一张工作表最多容纳 " + std::to_string(max_rows()) + " 行，请缩小筛选范围",
            "a sheet holds at most " + std::to_string(max_rows()) + " rows: narrow the filters");
    }
    if (auto r = check_lxw(worksheet_write_number(s.sheet, row, 0, static_cast<double>(s.rows + 1), s.formats.serial));
        !r) {
        return r;
    }
    for (lxw_col_t col = 1; col < s.columns(); ++col) {
        const auto index = static_cast<std::size_t>(col) - 1;
        if (auto r = s.write_cell(row, col, index < cells.size() ? cells[index] : TableCell{}); !r) return r;
    }
    ++s.rows;
    return {};
}

Result<std::string> XlsxTable::finish() {
    if (impl_->finished) return finished_already();
    auto& s = *impl_->sheet;
    if (auto r = s.write_total(); !r) return r.error();
    s.set_widths();
    s.set_page();
    impl_->finished = true;
    return close_table_sheet(s);
}

std::int64_t XlsxTable::max_rows() { return LXW_ROW_MAX - TableSheet::kFirstDataRow - 1; }

std::int64_t XlsxTable::row_count() const { return impl_->sheet->rows; }

const std::vector<domain::Money>& XlsxTable::totals() const { return impl_->sheet->totals; }

const std::vector<std::int64_t>& XlsxTable::integer_totals() const { return impl_->sheet->integer_totals; }

}  // namespace sanpi::report
