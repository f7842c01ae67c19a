#include "service/import_totals.hpp"

#include <algorithm>
#include <array>

#include "service/import_cells.hpp"
#include "service/import_text.hpp"

namespace sanpi::service {
namespace {

constexpr std::array<std::string_view, 7> kTotalWords{"合计", "小计", "总计", "subtotal", "total", "grandtotal",
                                                      "sum"};
// Every row's leading text cells are keyed to find its total label: only as far as the longest word.
constexpr std::size_t kLongestTotalWord = 10;

bool is_subtotal(const std::string& label) {
    const std::string key = match_key_prefix(label, kLongestTotalWord);
    return key.rfind("小计", 0) == 0 || key.rfind("subtotal", 0) == 0;
}

}  // namespace

std::optional<std::string> total_row_label(const sheet::Row& row, const TableLayout& layout) {
    int first_money = INT32_MAX;
    for (const auto& c : layout.columns) {
        if (is_money_field(c.field)) first_money = std::min(first_money, c.column);
    }
    // A table without amounts (coordination items): left of its first free-text column, so a
    // description that starts with 总计划… is not taken for a total.
    if (first_money == INT32_MAX) {
        for (const auto& c : layout.columns) {
            if (c.field == ImportField::kDescription || c.field == ImportField::kProgressText) {
                first_money = std::min(first_money, c.column);
            }
        }
    }
    for (const auto& cell : row.cells) {
        if (cell.column >= first_money) break;
        if (cell.kind != sheet::CellKind::kText) continue;
        const std::string key = match_key_prefix(cell.text, kLongestTotalWord);
        for (const auto word : kTotalWords) {
            if (key.rfind(word, 0) == 0) return clean_cell_text(cell.text);
        }
    }
    return std::nullopt;
}

TotalChecker::TotalChecker(const TableLayout& layout) {
    for (const auto& c : layout.columns) {
        if (is_money_field(c.field)) columns_.push_back({&c, layout.unit_of(c), {}, {}});
    }
}

void TotalChecker::add_row(const sheet::Row& row) {
    for (auto& c : columns_) {
        const auto* cell = cell_at(row, c.column->column);
        if (cell == nullptr) continue;
        auto amount = read_money(*cell, c.unit, import_field_name(c.column->field));
        if (!amount) continue;  // the row's own error reports it
        c.since_subtotal += *amount;
        c.all += *amount;
    }
}

void TotalChecker::check(const sheet::Row& row, const std::string& label) {
    const bool subtotal = is_subtotal(label);
    for (auto& c : columns_) {
        const auto* cell = cell_at(row, c.column->column);
        if (cell != nullptr) {
            if (auto stated = read_money(*cell, c.unit, import_field_name(c.column->field), true)) {
                checks_.push_back({row.number, label, std::string(import_field_name(c.column->field)),
                                   column_letter(c.column->column), *stated, subtotal ? c.since_subtotal : c.all});
            }
        }
        if (subtotal) c.since_subtotal = {};
    }
}

}  // namespace sanpi::service
