#include "report/xlsx_template.hpp"

#include <algorithm>

#include "report/text_width.hpp"
#include "report/xlsx_table_sheet.hpp"

namespace sanpi::report {

namespace {

constexpr lxw_row_t kChoiceFirstItemRow = 1;  // below the list's heading
// Room to type in: a text column at least this wide (a name, an address), a date column this.
constexpr std::size_t kTypedTextWidth = 14;
constexpr std::size_t kTypedDateWidth = 10;

Error bad_template(const char* zh, const char* en) { return Error::invalid_field("columns", zh, en); }

Result<void> check_template(const TemplateSpec& spec) {
    if (spec.column_choices.size() != spec.table.columns.size()) {
        return bad_template("每一列都须说明是否带下拉列表", "every column needs its drop-down entry");
    }
    for (const auto& choice : spec.column_choices) {
        if (choice && *choice >= spec.choices.size()) return bad_template("下拉列表不存在", "no such drop-down list");
    }
    if (spec.input_rows < 1 || spec.input_rows > static_cast<std::int32_t>(XlsxTable::max_rows())) {
        return Error::invalid_field("input_rows", "填写行数超出范围", "the number of input rows is out of range");
    }
    return {};
}

// '选项'!$A$2:$A$9: the list's cells on the options sheet, the sheet's name quoted (quotes doubled).
std::string list_range(const std::string& sheet, lxw_col_t col, std::size_t items) {
    std::string quoted = "'";
    for (const char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    char range[64];
    lxw_rowcol_to_range_abs(range, kChoiceFirstItemRow, col, static_cast<lxw_row_t>(kChoiceFirstItemRow + items - 1),
                            col);
    return quoted + "'!" + range;
}

// The lists side by side, one per column under its heading. In constant-memory mode rows are
// written in order: the headings, then each list's first item, its second ...
Result<void> write_choices_sheet(TableSheet& s, const TemplateSpec& spec) {
    lxw_worksheet* ws = workbook_add_worksheet(s.workbook, spec.choices_sheet.c_str());
    if (ws == nullptr) return Error::internal("工作表名称无效", "the sheet name is not one Excel accepts");
    std::size_t longest = 0;
    std::vector<std::size_t> widths(spec.choices.size(), TableSheet::kMinColumnWidth);
    for (std::size_t c = 0; c < spec.choices.size(); ++c) {
        longest = std::max(longest, spec.choices[c].items.size());
        widths[c] = std::max(widths[c], display_width(spec.choices[c].header));
        for (const auto& item : spec.choices[c].items) widths[c] = std::max(widths[c], display_width(item));
    }
    for (std::size_t row = 0; row <= longest; ++row) {
        for (std::size_t c = 0; c < spec.choices.size(); ++c) {
            const auto& list = spec.choices[c];
            if (row > list.items.size()) continue;
            const auto& text = row == 0 ? list.header : list.items[row - 1];
            auto written = check_lxw(worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                                                            text.c_str(), row == 0 ? s.formats.header : nullptr));
            if (!written) return written;
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const auto width = std::min(widths[c] + TableSheet::kWidthPadding, TableSheet::kMaxColumnWidth);
        worksheet_set_column(ws, col, col, static_cast<double>(width), nullptr);
    }
    worksheet_freeze_panes(ws, kChoiceFirstItemRow, 0);
    return {};
}

// A list validation on the input rows of each column that takes a choice; the column widened to
// show its longest item.
Result<void> add_drop_downs(TableSheet& s, const TemplateSpec& spec) {
    std::string title = spec.choice_error_title;
    std::string message = spec.choice_error_message;
    const auto first = TableSheet::kFirstDataRow;
    const auto last = static_cast<lxw_row_t>(first + static_cast<lxw_row_t>(spec.input_rows) - 1);
    for (std::size_t i = 0; i < spec.column_choices.size(); ++i) {
        if (!spec.column_choices[i]) continue;
        const auto list_col = static_cast<lxw_col_t>(*spec.column_choices[i]);
        const auto& list = spec.choices[list_col];
        if (list.items.empty()) continue;
        const auto col = static_cast<lxw_col_t>(i + 1);
        for (const auto& item : list.items) s.widen(col, std::min(display_width(item), TableSheet::kMaxColumnWidth));
        std::string formula = "=" + list_range(spec.choices_sheet, list_col, list.items.size());
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        validation.value_formula = formula.data();
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        validation.error_title = title.data();
        validation.error_message = message.data();
        auto added = check_lxw(worksheet_data_validation_range(s.sheet, first, col, last, col, &validation));
        if (!added) return added;
    }
    return {};
}

// What people type below the header keeps its kind (dates shown as dates, codes kept as text) and has
// room to show.
void set_input_formats(TableSheet& s) {
    lxw_format* text = workbook_add_format(s.workbook);
    format_set_num_format(text, "@");
    lxw_format* date = workbook_add_format(s.workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    s.column_formats.assign(s.widths.size(), nullptr);
    const auto& cols = s.spec.columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i + 1);
        if (cols[i].kind == TableColumnKind::kText) {
            s.column_formats[col] = text;
            s.widen(col, kTypedTextWidth);
        }
        if (cols[i].kind == TableColumnKind::kDate) {
            s.column_formats[col] = date;
            s.widen(col, kTypedDateWidth);
        }
    }
}

}  // namespace

Result<std::string> write_import_template(const TemplateSpec& spec) {
    if (auto checked = check_template(spec); !checked) return checked.error();
    auto opened = open_table_sheet(spec.table);
    if (!opened) return opened.error();
    auto& s = **opened;
    auto written = add_drop_downs(s, spec);
    if (written) written = write_choices_sheet(s, spec);
    if (!written) {
        discard_table_sheet(s);
        return written.error();
    }
    set_input_formats(s);
    s.set_widths();
    s.set_page();
    return close_table_sheet(s);
}

}  // namespace sanpi::report
