#pragma once
// A blank import template: the official layout's title, unit line and two-row header
// (xlsx_table.hpp) with no data rows, and drop-down lists on the rows below the header for the
// columns that take a choice (industry, stage, city, zone). Each list is a column of a second
// sheet (选项 / Options), so a list of any length works where Excel's inline lists stop at 255
// characters. It knows no services: the caller gives the columns and the lists.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "report/xlsx_table.hpp"

namespace sanpi::report {

// One drop-down list: its heading on the options sheet and its items, in order.
struct TemplateChoices {
    std::string header;
    std::vector<std::string> items;
};

struct TemplateSpec {
    // Title, unit line, 序号's header and the columns after it; no rows, no 合计. Date columns are
    // formatted as dates, text columns as text (codes stay as typed), money columns as numbers.
    TableSpec table;
    std::vector<TemplateChoices> choices;
    // Per column of table.columns: the index in `choices` of its list, or none. A column whose list
    // is empty gets no drop-down.
    std::vector<std::optional<std::size_t>> column_choices;
    std::string choices_sheet = "选项";
    // The warning shown when a typed value is not in the list (it may still be kept: the importer
    // also reads aliases and short forms).
    std::string choice_error_title = "不在列表中";
    std::string choice_error_message = "请从下拉列表中选择";
    std::int32_t input_rows = 1000;  // rows below the header that carry the drop-downs
};

// The workbook's bytes. kInvalidInput (naming "columns") if column_choices does not have one
// entry per column or names a list that does not exist; kInternal if the workbook cannot be written.
Result<std::string> write_import_template(const TemplateSpec& spec);

}  // namespace sanpi::report
