#include "service/project_table.hpp"

#include <optional>
#include <unordered_map>
#include <utility>

#include "service/import_text.hpp"
#include "sheet/rows_ahead.hpp"

namespace sanpi::service {
namespace {

bool is_blank(const sheet::Row& row) {
    for (const auto& cell : row.cells) {
        if (!is_blank_cell_text(cell.text)) return false;
    }
    return true;
}

// A data row has something in a column other than 序号 and 备注.
bool has_data(const sheet::Row& row, const TableLayout& layout) {
    for (const auto& column : layout.columns) {
        if (column.field == ImportField::kSerial || column.field == ImportField::kRemarks) continue;
        const auto* cell = cell_at(row, column.column);
        if (cell != nullptr && !is_blank_cell_text(cell->text)) return true;
    }
    return false;
}

class TableBuilder {
public:
    TableBuilder(const ImportCatalog& catalog, const ProjectTableOptions& options, bool date1904)
        : matches_(catalog), options_(options), date1904_(date1904) {}

    Result<void> add(const sheet::Row& row, const std::vector<sheet::MergedRange>& merges) {
        if (!layout_) {
            top_.push_back(row);
            if (top_.size() < kHeaderSearchRows) return {};
            return settle(merges);
        }
        take(row);
        return {};
    }

    Result<void> finish(const std::vector<sheet::MergedRange>& merges) {
        if (!layout_) {
            if (auto settled = settle(merges); !settled) return settled;
        }
        return {};
    }

    ProjectTable take_table() {
        table_.layout = std::move(*layout_);
        table_.total_checks = checker_->checks();
        return std::move(table_);
    }

private:
    Result<void> settle(const std::vector<sheet::MergedRange>& merges) {
        auto layout = find_layout(top_, merges);
        if (!layout) return layout.error();
        layout_ = std::move(*layout);
        checker_.emplace(*layout_);
        for (const auto& row : top_) {
            if (row.number > layout_->header_last_row) take(row);
        }
        top_.clear();
        return {};
    }

    void take(const sheet::Row& row) {
        if (is_blank(row)) return;
        if (auto label = total_row_label(row, *layout_)) {
            checker_->check(row, *label);
            return;
        }
        if (!has_data(row, *layout_)) return;
        ++table_.data_rows;
        checker_->add_row(row);
        const ProjectRowContext context{*layout_, matches_, date1904_, options_.default_zone, options_.today};
        auto mapped = map_project_row(row, context);
        if (!mapped.project) {
            for (auto& p : mapped.problems) table_.rejected.push_back(std::move(p));
            return;
        }
        const auto [first, inserted] = seen_.try_emplace(repeat_key(*mapped.project), row.number);
        if (!inserted) {
            table_.repeated.push_back({row.number, first->second});
            return;
        }
        table_.accepted.push_back(std::move(*mapped.project));
    }

    CatalogMatches matches_;
    const ProjectTableOptions& options_;
    bool date1904_;
    std::vector<sheet::Row> top_;
    std::optional<TableLayout> layout_;
    std::optional<TotalChecker> checker_;
    std::unordered_map<std::string, std::int64_t> seen_;
    ProjectTable table_;
};

}  // namespace

std::string repeat_key(const ProjectRow& row) {
    if (row.patch.code) return "code:" + match_key(*row.patch.code);
    const std::string investor = row.credit_code ? row.credit_code->str() : match_key(row.enterprise);
    return "name:" + std::to_string(row.patch.zone_id.value_or(0)) + "|" + match_key(row.patch.name.value_or("")) +
           "|" + investor;
}

Result<ProjectTable> read_project_table(sheet::SheetReader& reader, const ImportCatalog& catalog,
                                        const ProjectTableOptions& options) {
    if (options.sheet >= reader.sheets().size()) {
        return Error::invalid_field("sheet", "工作表不存在", "no such sheet");
    }
    TableBuilder builder(catalog, options, reader.date1904());
    const auto& info = reader.sheets()[options.sheet];
    std::int64_t rows_read = 0;
    // The rows are read on a second thread while this one interprets them.
    auto read = sheet::read_rows_ahead(reader, options.sheet, [&](const sheet::Row& row) {
        if (options.progress && ++rows_read % 1000 == 0) options.progress(rows_read);
        return builder.add(row, info.merges);
    });
    if (!read) return read.error();
    if (auto finished = builder.finish(info.merges); !finished) return finished.error();
    ProjectTable table = builder.take_table();
    table.sheet = info.name;
    return table;
}

}  // namespace sanpi::service
