#pragma once
// The cells of the chain map table as an import reads them (service/chain_sheet.hpp): trimmed
// text, the column a header names, and the lists a cell holds.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/chain_sheet.hpp"

namespace sanpi::service {

std::string trimmed_cell(std::string_view s);
// The column a header names (a unit in brackets after it, as in 投资额（亿元）, is allowed).
std::optional<domain::ChainSheetColumn> header_column(const std::string& text);
// The items of a cell separated by any of `separators` (each trimmed; empty ones dropped).
std::vector<std::string> split_cell(const std::string& text, std::initializer_list<std::string_view> separators);
// The fields of a supplier, separated by ｜ or | (each trimmed; empty ones kept).
std::vector<std::string> split_fields(const std::string& text);

}  // namespace sanpi::service
