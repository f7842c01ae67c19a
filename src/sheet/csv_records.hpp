#pragma once
// CSV records (RFC 4180 and what spreadsheet programs really write): fields separated by the
// delimiter, quoted fields with doubled quotes and line breaks inside, records ended by CRLF, LF or
// CR, blank records skipped. Text is fed in chunks; each non-empty record becomes a Row numbered by
// its first line. A record longer than Limits::max_line_bytes fails as soon as it gets there.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet {

// The delimiter of the first non-empty record in `text`: a tab when it has more tabs than commas
// outside quotes, else a comma. `complete` tells whether that record ended within `text`.
char sniff_delimiter(std::string_view text, bool& complete);

class CsvRecords {
public:
    CsvRecords(char delimiter, const Limits& limits, const std::function<Result<void>(const Row&)>& on_row);

    Result<void> feed(std::string_view text);
    Result<void> finish();
    // The physical line being read (1-based).
    std::int64_t line() const { return line_; }

private:
    enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };

    // Each consumes from text[i] on in its state and returns where to go on.
    Result<std::size_t> step_plain(std::string_view text, std::size_t i);
    Result<std::size_t> step_quoted(std::string_view text, std::size_t i);
    Result<std::size_t> step_after_quote(std::string_view text, std::size_t i);
    Result<void> append(std::string_view bytes);
    Result<void> end_field();
    Result<void> end_record();
    void count_line(char c);
    Error line_error(std::string zh, std::string en) const;

    char delimiter_;
    const Limits& limits_;
    const std::function<Result<void>(const Row&)>& on_row_;
    State state_ = State::kFieldStart;
    std::int64_t line_ = 1;
    std::int64_t record_line_ = 1;
    std::size_t record_bytes_ = 0;
    int column_ = 0;
    bool previous_cr_ = false;
    std::string field_;
    Row row_;
    std::vector<Cell> spare_;
};

}  // namespace sanpi::sheet
