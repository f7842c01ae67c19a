#include "service/import_layout.hpp"

#include <algorithm>
#include <set>

#include "service/import_text.hpp"

namespace sanpi::service {
namespace {

// The text a header cell shows, including a horizontally merged label whose first cell is to
// the left (the rows of a two-row header are read with their merges).
std::string shown_text(const sheet::Row& row, int column, const std::vector<sheet::MergedRange>& merges) {
    if (const auto* cell = cell_at(row, column)) return cell->text;
    for (const auto& m : merges) {
        if (row.number < m.first_row || row.number > m.last_row) continue;
        if (column < m.first_column || column > m.last_column) continue;
        if (m.first_row != row.number || m.first_column == column) continue;
        if (const auto* first = cell_at(row, m.first_column)) return first->text;
    }
    return {};
}

int last_column(const sheet::Row& row) { return row.cells.empty() ? -1 : row.cells.back().column; }

struct Candidate {
    std::size_t first = 0, last = 0;  // indexes into `top`
    std::vector<ImportColumn> columns;
    std::vector<IgnoredHeader> ignored;
    std::size_t score = 0;
};

// A header naming a column the table's kind reads.
std::optional<HeaderMatch> kind_header(const std::string& header, ImportKind kind) {
    auto match = match_header(header);
    if (match && !kind_reads(kind, match->field)) return std::nullopt;
    return match;
}

void add_column(Candidate& c, int column, const std::string& header, const std::string& shown, ImportKind kind) {
    const auto match = kind_header(header, kind);
    if (!match) {
        if (!shown.empty() && !is_group_label(shown)) c.ignored.push_back({column, shown, false});
        return;
    }
    const bool repeated = std::any_of(c.columns.begin(), c.columns.end(),
                                      [&](const ImportColumn& k) { return k.field == match->field; });
    if (repeated) {
        c.ignored.push_back({column, shown, true});
        return;
    }
    c.columns.push_back({column, match->field, match->unit, shown});
}

Candidate single_row(const std::vector<sheet::Row>& top, std::size_t i, ImportKind kind) {
    Candidate c{i, i, {}, {}, 0};
    for (const auto& cell : top[i].cells) add_column(c, cell.column, cell.text, clean_cell_text(cell.text), kind);
    c.score = c.columns.size();
    return c;
}

// The lower row names a column where it has a known header; else the upper row does (a label
// merged down both rows leaves the lower cell empty).
Candidate two_rows(const std::vector<sheet::Row>& top, std::size_t i, const std::vector<sheet::MergedRange>& merges,
                   ImportKind kind) {
    Candidate c{i, i + 1, {}, {}, 0};
    const auto& upper = top[i];
    const auto& lower = top[i + 1];
    const int width = std::max(last_column(upper), last_column(lower));
    for (int column = 0; column <= width; ++column) {
        const std::string up = shown_text(upper, column, merges);
        const auto* low_cell = cell_at(lower, column);
        const std::string low = low_cell ? low_cell->text : std::string();
        if (!low.empty() && kind_header(low, kind)) {
            const std::string shown = up.empty() || up == low ? clean_cell_text(low)
                                                              : clean_cell_text(up) + " / " + clean_cell_text(low);
            add_column(c, column, low, shown, kind);
        } else if (!up.empty() && (low.empty() || !kind_header(low, kind))) {
            add_column(c, column, up, clean_cell_text(low.empty() ? up : up + " / " + low), kind);
        }
    }
    c.score = c.columns.size();
    return c;
}

}  // namespace

const sheet::Cell* cell_at(const sheet::Row& row, int column) {
    auto it = std::lower_bound(row.cells.begin(), row.cells.end(), column,
                               [](const sheet::Cell& cell, int c) { return cell.column < c; });
    return it != row.cells.end() && it->column == column ? &*it : nullptr;
}

std::string column_letter(int column) {
    std::string out;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

const ImportColumn* TableLayout::find(ImportField field) const {
    for (const auto& c : columns) {
        if (c.field == field) return &c;
    }
    return nullptr;
}

domain::MoneyUnit TableLayout::unit_of(const ImportColumn& column) const {
    return column.unit.value_or(table_unit.value_or(domain::MoneyUnit::kWan));
}

Result<TableLayout> find_layout(const std::vector<sheet::Row>& top, const std::vector<sheet::MergedRange>& merges,
                                ImportKind kind) {
    std::optional<Candidate> best;
    // On a tie the fewer rows win: a title row above a one-row header adds nothing.
    const auto consider = [&](Candidate c) {
        const bool better = !best || c.score > best->score ||
                            (c.score == best->score && c.last - c.first < best->last - best->first);
        if (better) best = std::move(c);
    };
    for (std::size_t i = 0; i < top.size() && i < kHeaderSearchRows; ++i) {
        consider(single_row(top, i, kind));
        const bool next_is_adjacent = i + 1 < top.size() && top[i + 1].number == top[i].number + 1;
        if (next_is_adjacent) consider(two_rows(top, i, merges, kind));
    }
    if (!best || best->score < 2) {
        return Error::invalid_field(
            "file", "找不到表头：前20行中没有一行写出至少两个可识别的列名（如 项目名称、总投资）",
            "no header found: none of the first 20 rows names at least two known columns (e.g. 项目名称, 总投资)");
    }
    TableLayout layout;
    layout.header_first_row = top[best->first].number;
    layout.header_last_row = top[best->last].number;
    layout.columns = std::move(best->columns);
    layout.ignored = std::move(best->ignored);
    std::sort(layout.columns.begin(), layout.columns.end(),
              [](const ImportColumn& a, const ImportColumn& b) { return a.column < b.column; });
    for (std::size_t i = 0; i < best->first; ++i) {
        for (const auto& cell : top[i].cells) {
            if (!layout.table_unit) layout.table_unit = unit_line(cell.text);
            const std::string text = clean_cell_text(cell.text);
            if (layout.title.empty() && !text.empty() && !unit_line(cell.text)) layout.title = text;
        }
    }
    return layout;
}

}  // namespace sanpi::service
