#pragma once
// A worksheet's merged ranges found while its rows are parsed, not before. They are written after
// the rows, and readers are promised them before the first row, so the pre-pass (xlsx_merges.hpp)
// inflated the whole part once more before any row could be read. It now runs on a thread of its
// own, with its own handle on the file (a libzip archive is not to be read from two threads),
// while the rows are parsed; the rows wait in memory, up to kHeldRowBytes, until the ranges are
// known. What the caller sees is as before: the ranges, then the rows; the ranges' error (a zip
// bomb, a bad range) before any row, and otherwise the rows before a row's error.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/xlsx_sheet.hpp"

namespace sanpi::sheet {

inline constexpr std::size_t kHeldRowBytes = 16u << 20;

// `merges` is filled before the first call of on_row. `path` is the file `archive` was opened from.
Result<void> read_rows_beside_merges(const std::string& path, ZipArchive& archive, std::string_view part,
                                     const SheetContext& context, std::vector<MergedRange>& merges,
                                     const std::function<Result<void>(const Row&)>& on_row);

}  // namespace sanpi::sheet
