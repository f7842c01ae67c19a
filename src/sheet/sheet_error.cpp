#include "sheet/sheet_error.hpp"

#include <algorithm>

namespace sanpi::sheet {

namespace {
constexpr int kMaxColumnLetters = 3;                // XFD
constexpr std::int64_t kMaxRefRow = 1'000'000'000;  // far past Excel; callers apply their limits
}  // namespace

Error file_error(std::string zh, std::string en) { return Error::invalid_field("file", std::move(zh), std::move(en)); }

std::string column_name(int column) {
    std::string name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) {
        name.push_back(static_cast<char>('A' + (n - 1) % 26));
    }
    std::reverse(name.begin(), name.end());
    return name;
}

std::string cell_name(int column, std::int64_t row) { return column_name(column) + std::to_string(row); }

std::optional<CellRef> parse_cell_ref(std::string_view text) {
    CellRef ref;
    std::size_t i = 0;
    int letters = 0;
    int column = 0;
    for (; i < text.size() && letters <= kMaxColumnLetters; ++i, ++letters) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + (c - 'A' + 1);
    }
    if (letters == 0 || letters > kMaxColumnLetters) return std::nullopt;
    ref.column = column - 1;
    std::int64_t row = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9' || row > kMaxRefRow) return std::nullopt;
        row = row * 10 + (c - '0');
    }
    if (letters < static_cast<int>(text.size()) && row == 0) return std::nullopt;  // "A0"
    ref.row = row;
    return ref;
}

SheetPlace sheet_place(std::string_view sheet) {
    return {"工作表「" + std::string(sheet) + "」", "sheet \"" + std::string(sheet) + "\""};
}

SheetPlace cell_place(std::string_view sheet, int column, std::int64_t row) {
    const std::string cell = cell_name(column, row);
    return {"工作表「" + std::string(sheet) + "」单元格 " + cell + " ",
            "sheet \"" + std::string(sheet) + "\", cell " + cell};
}

std::string size_text(std::uint64_t bytes, bool chinese) {
    constexpr std::uint64_t kMebibyte = 1ull << 20;
    if (bytes >= kMebibyte && bytes % kMebibyte == 0) return std::to_string(bytes / kMebibyte) + " MiB";
    return std::to_string(bytes) + (chinese ? " 字节" : " bytes");
}

}  // namespace sanpi::sheet
