#include "service/chain_sheet_cells.hpp"

#include <algorithm>

namespace sanpi::service {

std::string trimmed_cell(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::optional<domain::ChainSheetColumn> header_column(const std::string& text) {
    for (const auto& c : domain::kChainSheetColumns) {
        if (text == c.zh || text == c.en || text.starts_with(std::string(c.zh) + "（") ||
            text.starts_with(std::string(c.en) + " (")) {
            return c.column;
        }
    }
    return std::nullopt;
}

std::vector<std::string> split_cell(const std::string& text, std::initializer_list<std::string_view> separators) {
    std::vector<std::string> items;
    std::string item;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto rest = std::string_view(text).substr(std::min(i, text.size()));
        std::size_t sep = 0;
        for (const auto s : separators) {
            if (rest.starts_with(s)) sep = s.size();
        }
        if (i == text.size() || sep > 0) {
            if (!trimmed_cell(item).empty()) items.push_back(trimmed_cell(item));
            item.clear();
            if (sep > 1) i += sep - 1;
            continue;
        }
        item += text[i];
    }
    return items;
}

std::vector<std::string> split_fields(const std::string& text) {
    std::vector<std::string> out;
    std::string field;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto rest = std::string_view(text).substr(std::min(i, text.size()));
        const std::size_t sep = rest.starts_with("｜") ? 3 : rest.starts_with("|") ? 1 : 0;
        if (i == text.size() || sep > 0) {
            out.push_back(trimmed_cell(field));
            field.clear();
            if (sep > 1) i += sep - 1;
            continue;
        }
        field += text[i];
    }
    return out;
}

}  // namespace sanpi::service
