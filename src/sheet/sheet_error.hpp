#pragma once
// Every failure of the readers is an invalid "file" field with a message in both languages that
// says what was wrong and where (sheet and cell, or CSV line).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::sheet {

Error file_error(std::string zh, std::string en);

// "A" for 0, "Z" for 25, "AA" for 26 … "XFD" for 16,383.
std::string column_name(int column);
// "C12" for column 2, row 12.
std::string cell_name(int column, std::int64_t row);

// A cell reference such as "B7" (or "B" alone): the 0-based column and, when digits follow, the
// 1-based row. Nothing for anything else or a column past XFD.
struct CellRef {
    int column = 0;
    std::int64_t row = 0;  // 0 when the reference has no row part
};
std::optional<CellRef> parse_cell_ref(std::string_view text);

// Where a sheet's message points: 工作表「名」单元格 C12 / sheet "name", cell C12 (the Chinese place
// ends with a space when it ends with Latin text, so that 的… reads apart from it).
struct SheetPlace {
    std::string zh;
    std::string en;
};
SheetPlace sheet_place(std::string_view sheet);
SheetPlace cell_place(std::string_view sheet, int column, std::int64_t row);

// A limit in bytes for messages: "64 MiB" when it is whole mebibytes, else "100000 字节" / "100000 bytes".
std::string size_text(std::uint64_t bytes, bool chinese);

}  // namespace sanpi::sheet
