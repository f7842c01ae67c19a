#pragma once
// Shared by the sheet readers' tests: rows read back whole, and cells spelled briefly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet::test {

inline Cell text(int column, std::string value) { return {column, CellKind::kText, std::move(value), false}; }
inline Cell number(int column, std::string value, bool date = false) {
    return {column, CellKind::kNumber, std::move(value), date};
}
inline Cell boolean(int column, std::string value) { return {column, CellKind::kBoolean, std::move(value), false}; }
inline Cell error(int column, std::string value) { return {column, CellKind::kError, std::move(value), false}; }

// Every row of one sheet, or the error that stopped the read.
struct ReadBack {
    std::vector<Row> rows;
    std::string error_en;  // empty when the read succeeded
    std::string error_zh;
};

inline ReadBack read_all(SheetReader& reader, std::size_t index = 0) {
    ReadBack out;
    auto done = reader.read_rows(index, [&](const Row& row) -> Result<void> {
        out.rows.push_back(row);
        return {};
    });
    if (!done) {
        const auto& e = done.error();
        out.error_en = e.fields.empty() ? e.message.en : e.fields.front().message.en;
        out.error_zh = e.fields.empty() ? e.message.zh : e.fields.front().message.zh;
    }
    return out;
}

// The English and Chinese message of a failed open, or "" when it opened.
inline std::string open_error(const Result<std::unique_ptr<SheetReader>>& opened) {
    if (opened) return "";
    const auto& e = opened.error();
    return e.fields.empty() ? e.message.en : e.fields.front().message.en + " | " + e.fields.front().message.zh;
}

}  // namespace sanpi::sheet::test
