#pragma once
// A sheet's merged ranges (<mergeCells>) come after its rows (<sheetData>) in the file, but
// readers are promised them before the first row. So a pre-pass decompresses the part once and
// only looks for the end of sheetData with a byte search; what follows it, usually a few hundred
// bytes, is parsed with expat for mergeCell elements. Nothing of the rows is kept.
#include <string_view>
#include <vector>

#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

Result<std::vector<MergedRange>> read_merges(ZipArchive& archive, std::string_view part, std::string_view sheet,
                                             const Limits& limits);

// "A1:C3" (or "B2" alone) as an inclusive range; nothing for anything else.
std::optional<MergedRange> parse_range(std::string_view ref);

}  // namespace sanpi::sheet
