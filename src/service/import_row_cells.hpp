#pragma once
// One data row of a kind's table (monthly reports, coordination items) as its reader reads it:
// the cell under each column, its cleaned text, and every problem of the row named by sheet row,
// column letter, field, value and reason. A kind names its fields as its API does
// (`field_name`), so an API error on a field lands on that field's column.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/import_layout.hpp"
#include "service/project_import_row.hpp"

namespace sanpi::service {

class ImportRowCells {
public:
    using FieldName = std::string_view (*)(ImportField field);

    ImportRowCells(const sheet::Row& row, const TableLayout& layout, FieldName field_name)
        : row_(row), layout_(layout), field_name_(field_name) {}

    std::int64_t row() const { return row_.number; }
    const TableLayout& layout() const { return layout_; }
    bool has_column(ImportField field) const { return layout_.find(field) != nullptr; }
    // The cell under the field's column; null when there is no such column or the cell is blank.
    const sheet::Cell* cell(ImportField field) const;
    // The cell's text as stored (tidy_cell_text), or nothing when blank.
    std::optional<std::string> text(ImportField field) const;

    // The value, or nothing with the error's reason recorded on the field's column.
    template <class T>
    std::optional<T> value(ImportField field, Result<T> result) {
        if (result) return *std::move(result);
        const auto& e = result.error();
        problem(field, e.fields.empty() ? e.message : e.fields.front().message);
        return std::nullopt;
    }

    void problem(ImportField field, Text reason);
    // Every field error of an API error at its field's column (the row's when no column has it);
    // an error without fields on the row, or on `fallback`'s column when given.
    void api_problems(const Error& e, std::optional<ImportField> fallback = std::nullopt);

    bool ok() const { return problems_.empty(); }
    std::vector<RowProblem> take_problems() { return std::move(problems_); }

private:
    const sheet::Row& row_;
    const TableLayout& layout_;
    FieldName field_name_;
    std::vector<RowProblem> problems_;
};

}  // namespace sanpi::service
