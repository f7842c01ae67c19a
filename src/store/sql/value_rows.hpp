#pragma once
// Statements that write or read many rows at once (the daily sweep's batches): one statement
// per chunk of rows instead of one per row, so a batch costs PostgreSQL a few round trips and
// parses, not a few per project.
#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace sanpi::store::sql {

// Rows per statement: parameters stay far below either backend's limit (SQLite 32,766,
// PostgreSQL 65,535) for rows of up to 16 columns.
inline constexpr std::size_t kRowsPerStatement = 200;

// `row` ("(?, ?, ?)") `count` times, comma-separated: the VALUES of a multi-row INSERT, or an
// IN list with row "?".
inline std::string repeated_rows(std::string_view row, std::size_t count) {
    std::string out;
    out.reserve(count * (row.size() + 2));
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) out += ", ";
        out += row;
    }
    return out;
}

// An IN list's item and end, for a statement start that ends with "IN (".
inline constexpr std::string_view kListItem = "?";
inline constexpr std::string_view kListEnd = ")";

// Calls `each` with consecutive spans of at most kRowsPerStatement items.
template <class T, class Each>
void for_each_chunk(std::span<const T> items, Each&& each) {
    for (std::size_t first = 0; first < items.size(); first += kRowsPerStatement) {
        each(items.subspan(first, std::min(kRowsPerStatement, items.size() - first)));
    }
}

}  // namespace sanpi::store::sql
