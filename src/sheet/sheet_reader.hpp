#pragma once
// The tables zones send, read as they are: XLSX (streamed through libzip and expat) and CSV
// (UTF-8, UTF-8 with BOM or GB18030; comma or tab). A reader only delivers cells; what a header
// means, which unit a column is in and whether a row is a 合计 row is the importer's business
// (service/import_*), so the reader keeps every cell's text exactly as the file holds it (always
// valid UTF-8: expat checks XML text, CSV is validated or converted).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace sanpi::sheet {

enum class CellKind {
    kText,     // shared, inline or rich string (runs joined), a formula's text result, an ISO 8601
               // date cell (t="d") as written, CSV fields
    kNumber,   // the number exactly as written in the file ("12.5", "44742", "1.5E-3")
    kBoolean,  // text is "1" or "0"
    kError,    // a formula error such as "#N/A", as text
};

struct Cell {
    int column = 0;  // 0-based: A = 0
    CellKind kind = CellKind::kText;
    std::string text;
    // A number whose cell style is a date or time format (built-in ids 14–22, 45–47, the East
    // Asian built-ins 27–36 and 50–58 that Chinese Excel writes without a definition, or a custom
    // format with y, m, d or h outside quotes and brackets): a date serial.
    bool date_style = false;
    // A number whose cell style shows it as a percentage (built-in ids 9 and 10, or a custom
    // format with % outside quotes and brackets): 0.45 shown as 45%.
    bool percent_style = false;

    friend bool operator==(const Cell&, const Cell&) = default;
};

struct Row {
    std::int64_t number = 0;  // 1-based, as the spreadsheet program shows it (CSV: the record's first line)
    std::vector<Cell> cells;  // cells with content only, in column order

    friend bool operator==(const Row&, const Row&) = default;
};

// Inclusive, 0-based columns, 1-based rows like Row::number.
struct MergedRange {
    std::int64_t first_row = 0, last_row = 0;
    int first_column = 0, last_column = 0;

    friend bool operator==(const MergedRange&, const MergedRange&) = default;
};

struct SheetInfo {
    std::string name;                 // CSV: the file's base name
    std::vector<MergedRange> merges;  // filled by read_rows before the first row is delivered
};

// Bounds on what one file may cost; a file past any of them is refused with a clear error
// naming what was too large, in bounded memory and time.
struct Limits {
    std::uint64_t max_file_bytes = 64ull << 20;            // the upload itself
    std::uint64_t max_unpacked_bytes = 1ull << 30;         // all parts decompressed (zip bombs)
    std::uint64_t max_compression_ratio = 200;             // per part, once past 1 MiB unpacked
    std::int64_t max_rows = 1'048'576;                     // Excel's own limit
    int max_columns = 16'384;                              // Excel's own limit (XFD)
    std::size_t max_cell_bytes = 32'767 * 4;               // Excel's 32,767 characters in UTF-8
    std::size_t max_line_bytes = 1u << 20;                 // one CSV record
    std::uint64_t max_shared_string_bytes = 256ull << 20;  // the shared string table in memory
};

class SheetReader {
public:
    virtual ~SheetReader() = default;
    // Workbook order; CSV has one sheet.
    virtual const std::vector<SheetInfo>& sheets() const = 0;
    // True when the workbook counts dates from 1904 (old Mac Excel).
    virtual bool date1904() const = 0;
    // Streams one sheet's non-empty rows in order. Its merged ranges are in sheets()[index]
    // before the first call of on_row. An error from on_row stops the read and is returned.
    virtual Result<void> read_rows(std::size_t index, const std::function<Result<void>(const Row&)>& on_row) = 0;
};

// Sniffs the content, not the name: a zip is read as XLSX, an OLE2 file (.xls, .et) is refused
// with a message asking for .xlsx or .csv, other binary content is refused as not a spreadsheet,
// anything else is read as CSV. Errors name the field "file".
Result<std::unique_ptr<SheetReader>> open_sheet(const std::string& path, const Limits& limits = {});
Result<std::unique_ptr<SheetReader>> open_xlsx(const std::string& path, const Limits& limits = {});
Result<std::unique_ptr<SheetReader>> open_csv(const std::string& path, const Limits& limits = {});

// An Excel date serial as a date: the 1900 system counts 1900-01-01 as 1 and keeps Lotus's
// phantom 1900-02-29 (serial 60, refused); the 1904 system counts 1904-01-01 as 0. A fraction
// (a time of day) is dropped. Nothing for a serial outside 1900–9999 or text that is not a number.
std::optional<domain::Date> date_from_serial(std::string_view number, bool date1904);

}  // namespace sanpi::sheet
