#include "sheet/csv_records.hpp"

#include "sheet/sheet_error.hpp"

namespace sanpi::sheet {

char sniff_delimiter(std::string_view text, bool& complete) {
    bool quoted = false;
    bool started = false;
    std::size_t commas = 0, tabs = 0;
    complete = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\r' || c == '\n')) {
            if (started) {
                complete = true;
                break;
            }
            continue;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == '\t') {
            ++tabs;
        }
        started = true;
    }
    return tabs > commas ? '\t' : ',';
}

CsvRecords::CsvRecords(char delimiter, const Limits& limits, const std::function<Result<void>(const Row&)>& on_row)
    : delimiter_(delimiter), limits_(limits), on_row_(on_row) {}

void CsvRecords::count_line(char c) {
    if (c == '\r') {
        ++line_;
        previous_cr_ = true;
    } else {
        if (c == '\n' && !previous_cr_) ++line_;
        previous_cr_ = false;
    }
}

Error CsvRecords::line_error(std::string zh, std::string en) const {
    const std::string line = std::to_string(record_line_);
    return file_error("CSV 文件第 " + line + " 行" + zh, "CSV line " + line + ": " + en);
}

Result<void> CsvRecords::append(std::string_view bytes) {
    record_bytes_ += bytes.size();
    if (record_bytes_ > limits_.max_line_bytes) {
        const std::string limit = std::to_string(limits_.max_line_bytes);
        return line_error(
            "超过 " + limit + " 字节的上限（引号未闭合或缺少换行？）",
            "the record is longer than the limit of " + limit + " bytes (an unclosed quote or missing line breaks?)");
    }
    if (field_.size() + bytes.size() > limits_.max_cell_bytes) {
        const std::string limit = std::to_string(limits_.max_cell_bytes);
        return line_error("第 " + std::to_string(column_ + 1) + " 列超过 " + limit + " 字节的上限",
                          "field " + std::to_string(column_ + 1) + " is longer than the limit of " + limit + " bytes");
    }
    field_.append(bytes);
    return {};
}

Result<void> CsvRecords::end_field() {
    if (column_ >= limits_.max_columns) {
        const std::string limit = std::to_string(limits_.max_columns);
        return line_error("超过 " + limit + " 列的上限", "more fields than the limit of " + limit + " columns");
    }
    if (!field_.empty()) {
        Cell* cell = nullptr;
        if (spare_.empty()) {
            cell = &row_.cells.emplace_back();
        } else {
            row_.cells.push_back(std::move(spare_.back()));
            spare_.pop_back();
            cell = &row_.cells.back();
        }
        cell->column = column_;
        cell->kind = CellKind::kText;
        cell->date_style = false;
        cell->percent_style = false;
        cell->text.swap(field_);
        field_.clear();
    }
    ++column_;
    state_ = State::kFieldStart;
    return {};
}

Result<void> CsvRecords::end_record() {
    if (auto ended = end_field(); !ended) return ended;
    Result<void> delivered;
    if (!row_.cells.empty()) {
        // A row is numbered by its first line, as an XLSX row by its place, and bounded the same:
        // blank lines count (found by fuzz-short: 1,200 line breaks before a record of a
        // 1,000-row limit gave it a row number past the limit).
        if (record_line_ > limits_.max_rows) {
            const std::string limit = std::to_string(limits_.max_rows);
            return line_error("超过 " + limit + " 行的上限", "past the limit of " + limit + " rows");
        }
        row_.number = record_line_;
        delivered = on_row_(row_);
    }
    for (auto& cell : row_.cells) spare_.push_back(std::move(cell));
    row_.cells.clear();
    column_ = 0;
    record_bytes_ = 0;
    return delivered;
}

Result<std::size_t> CsvRecords::step_plain(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == delimiter_) {
        ++record_bytes_;
        previous_cr_ = false;
        if (auto r = end_field(); !r) return r.error();
        return i + 1;
    }
    if (c == '\r' || c == '\n') {
        count_line(c);
        if (auto r = end_record(); !r) return r.error();
        return i + 1;
    }
    previous_cr_ = false;
    if (c == '"' && state_ == State::kFieldStart) {
        ++record_bytes_;
        state_ = State::kQuoted;
        return i + 1;
    }
    std::size_t end = i + 1;  // a run of plain characters
    while (end < text.size() && text[end] != delimiter_ && text[end] != '\r' && text[end] != '\n') ++end;
    if (auto r = append(text.substr(i, end - i)); !r) return r.error();
    state_ = State::kUnquoted;
    return end;
}

Result<std::size_t> CsvRecords::step_quoted(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == '"') {
        ++record_bytes_;
        previous_cr_ = false;
        state_ = State::kQuoteInQuoted;
        return i + 1;
    }
    std::size_t end = i + 1;
    if (c == '\r' || c == '\n') {
        count_line(c);  // a line break inside the field: kept, and counted as a line
    } else {
        previous_cr_ = false;
        while (end < text.size() && text[end] != '"' && text[end] != '\r' && text[end] != '\n') ++end;
    }
    if (auto r = append(text.substr(i, end - i)); !r) return r.error();
    return end;
}

Result<std::size_t> CsvRecords::step_after_quote(std::string_view text, std::size_t i) {
    if (text[i] != '"') {
        state_ = State::kUnquoted;  // after the closing quote: the field goes on as plain text
        return i;
    }
    previous_cr_ = false;
    state_ = State::kQuoted;  // a doubled quote
    if (auto r = append("\""); !r) return r.error();
    return i + 1;
}

Result<void> CsvRecords::feed(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (state_ == State::kFieldStart && column_ == 0 && record_bytes_ == 0) record_line_ = line_;
        Result<std::size_t> next = i;
        switch (state_) {
            case State::kFieldStart:
            case State::kUnquoted:
                next = step_plain(text, i);
                break;
            case State::kQuoted:
                next = step_quoted(text, i);
                break;
            case State::kQuoteInQuoted:
                next = step_after_quote(text, i);
                break;
        }
        if (!next) return next.error();
        i = *next;
    }
    return {};
}

Result<void> CsvRecords::finish() {
    if (state_ == State::kQuoted) {
        return line_error("的引号没有闭合", "a quoted field is not closed");
    }
    if (state_ != State::kFieldStart || column_ > 0 || !field_.empty()) return end_record();
    return {};
}

}  // namespace sanpi::sheet
