#pragma once
// One worksheet's rows, streamed with expat: <row r="7"> and <c r="B7" t="…" s="…"> with <v>
// or <is>. Rows and cells without r count on from the previous one. The Row handed out is reused
// (its cells' strings keep their buffers), so reading allocates little per row.
#include <functional>
#include <string_view>

#include "sheet/shared_strings.hpp"
#include "sheet/xlsx_styles.hpp"
#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

struct SheetContext {
    std::string_view sheet;  // the sheet's name, for messages
    const SharedStrings& strings;
    const StyleTable& styles;
    const Limits& limits;
};

Result<void> read_sheet_rows(ZipArchive& archive, std::string_view part, const SheetContext& context,
                             const std::function<Result<void>(const Row&)>& on_row);

}  // namespace sanpi::sheet
