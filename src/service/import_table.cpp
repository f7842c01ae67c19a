#include "service/import_table.hpp"

#include <optional>
#include <utility>

#include "service/import_text.hpp"
#include "sheet/rows_ahead.hpp"

namespace sanpi::service {
namespace {

bool blank_row(const sheet::Row& row) {
    for (const auto& cell : row.cells) {
        if (!is_blank_cell_text(cell.text)) return false;
    }
    return true;
}

// Something in a column other than 序号 and 备注.
bool carries_data(const sheet::Row& row, const TableLayout& layout) {
    for (const auto& column : layout.columns) {
        if (column.field == ImportField::kSerial || column.field == ImportField::kRemarks) continue;
        const auto* cell = cell_at(row, column.column);
        if (cell != nullptr && !is_blank_cell_text(cell->text)) return true;
    }
    return false;
}

class KindTableReader {
public:
    KindTableReader(const ImportTableOptions& options, const ImportDataRow& on_data_row)
        : options_(options), on_data_row_(on_data_row) {}

    Result<void> add(const sheet::Row& row, const std::vector<sheet::MergedRange>& merges) {
        if (settled_) {
            take(row);
            return {};
        }
        top_.push_back(row);
        if (top_.size() < kHeaderSearchRows) return {};
        return settle(merges);
    }

    Result<void> finish(const std::vector<sheet::MergedRange>& merges) {
        if (!settled_) return settle(merges);
        return {};
    }

    ImportTableRead take_read() {
        read_.total_checks = checker_->checks();
        return std::move(read_);
    }

private:
    Result<void> settle(const std::vector<sheet::MergedRange>& merges) {
        auto layout = find_layout(top_, merges, options_.kind);
        if (!layout) return layout.error();
        read_.layout = std::move(*layout);
        settled_ = true;
        checker_.emplace(read_.layout);
        for (const auto& row : top_) {
            if (row.number > read_.layout.header_last_row) take(row);
        }
        top_.clear();
        return {};
    }

    void take(const sheet::Row& row) {
        if (blank_row(row)) return;
        if (auto label = total_row_label(row, read_.layout)) {
            checker_->check(row, *label);
            return;
        }
        if (!carries_data(row, read_.layout)) return;
        ++read_.data_rows;
        checker_->add_row(row);
        on_data_row_(row, read_.layout);
    }

    const ImportTableOptions& options_;
    const ImportDataRow& on_data_row_;
    std::vector<sheet::Row> top_;
    bool settled_ = false;
    std::optional<TotalChecker> checker_;
    ImportTableRead read_;
};

}  // namespace

Error error_at_row(std::int64_t row, Error e) {
    const std::string zh = "第" + std::to_string(row) + "行：", en = "row " + std::to_string(row) + ": ";
    e.message.zh = zh + e.message.zh;
    e.message.en = en + e.message.en;
    for (auto& f : e.fields) {
        f.message.zh = zh + f.message.zh;
        f.message.en = en + f.message.en;
    }
    return e;
}

Result<ImportTableRead> read_import_table(sheet::SheetReader& reader, const ImportTableOptions& options,
                                          const ImportDataRow& on_data_row) {
    if (options.sheet >= reader.sheets().size()) return Error::invalid_field("sheet", "工作表不存在", "no such sheet");
    KindTableReader table(options, on_data_row);
    const auto& info = reader.sheets()[options.sheet];
    std::int64_t rows_read = 0;
    // The rows are read on a second thread while this one interprets them.
    auto read = sheet::read_rows_ahead(reader, options.sheet, [&](const sheet::Row& row) {
        if (options.progress && ++rows_read % 1000 == 0) options.progress(rows_read);
        return table.add(row, info.merges);
    });
    if (!read) return read.error();
    if (auto finished = table.finish(info.merges); !finished) return finished.error();
    ImportTableRead out = table.take_read();
    out.sheet = info.name;
    return out;
}

}  // namespace sanpi::service
