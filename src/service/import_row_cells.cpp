#include "service/import_row_cells.hpp"

#include "service/import_text.hpp"

namespace sanpi::service {

const sheet::Cell* ImportRowCells::cell(ImportField field) const {
    const auto* column = layout_.find(field);
    if (column == nullptr) return nullptr;
    const auto* c = cell_at(row_, column->column);
    if (c == nullptr || is_blank_cell_text(c->text)) return nullptr;
    return c;
}

std::optional<std::string> ImportRowCells::text(ImportField field) const {
    const auto* c = cell(field);
    if (c == nullptr) return std::nullopt;
    std::string cleaned = tidy_cell_text(c->text);
    if (cleaned.empty()) return std::nullopt;
    return cleaned;
}

void ImportRowCells::problem(ImportField field, Text reason) {
    const auto* column = layout_.find(field);
    const auto* c = column ? cell_at(row_, column->column) : nullptr;
    problems_.push_back({row_.number, column ? column_letter(column->column) : std::string(),
                         std::string(field_name_(field)), c ? c->text : std::string(), std::move(reason)});
}

void ImportRowCells::api_problems(const Error& e, std::optional<ImportField> fallback) {
    if (e.fields.empty()) {
        if (fallback) return problem(*fallback, e.message);
        problems_.push_back({row_.number, "", "", "", e.message});
        return;
    }
    for (const auto& f : e.fields) {
        bool placed = false;
        for (const auto& c : layout_.columns) {
            if (field_name_(c.field) == f.field) {
                problem(c.field, f.message);
                placed = true;
                break;
            }
        }
        if (!placed) problems_.push_back({row_.number, "", f.field, "", f.message});
    }
}

}  // namespace sanpi::service
