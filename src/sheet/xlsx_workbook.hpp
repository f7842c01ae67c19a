#pragma once
// The workbook's outline: the package relationships lead to workbook.xml, which names the sheets
// in order and says whether dates count from 1904; its relationships give each sheet's part and
// the styles and shared strings parts.
#include <string>
#include <vector>

#include "sheet/xml_stream.hpp"
#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

struct WorkbookSheet {
    std::string name;
    std::string part;  // path inside the zip, e.g. "xl/worksheets/sheet1.xml"
};

struct WorkbookInfo {
    std::vector<WorkbookSheet> sheets;
    bool date1904 = false;
    std::string styles_part;          // empty when the workbook has none
    std::string shared_strings_part;  // empty when the workbook has none
};

Result<WorkbookInfo> read_workbook(ZipArchive& archive);

// A relationship's target as a path in the zip: relative to `base_dir` ("xl/"), or absolute
// ("/xl/styles.xml"); "." and ".." resolved. Empty when it climbs out of the package.
std::string resolve_part(std::string_view base_dir, std::string_view target);

// Parses one whole part with a sink (small parts: relationships, workbook, styles).
Result<void> parse_part(ZipArchive& archive, std::string_view part, XmlSink& sink);

}  // namespace sanpi::sheet
