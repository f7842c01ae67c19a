// sanpi_sheet_read FILE [--sheet N] [--csv OUT]: a bench-only program (not installed, not part of
// the product) that streams one sheet of an XLSX or CSV file through Sanpi's reader alone
// (sheet::open_sheet and read_rows, src/sheet/sheet_reader.hpp), with no importer behind it, and
// prints one JSON line: the rows and cells it saw and the seconds the read took in the process.
// bench/import compares it with ExcelJS's streaming reader (bench/lib/exceljs-read.js) on the
// same workbook. With --csv it also writes the rows it read as UTF-8 CSV (cells as the file holds
// them, numbers to the 15 significant digits a spreadsheet program keeps, date-styled serials as
// ISO dates): bench/import's CSV of the workbook's rows.
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "sheet/sheet_reader.hpp"

namespace {

void write_field(std::ostream& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out << text;
        return;
    }
    out << '"';
    for (char c : text) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

void write_row(std::ostream& out, const sanpi::sheet::Row& row, bool date1904) {
    int column = 0;
    for (const auto& cell : row.cells) {
        for (; column < cell.column; ++column) out << ',';
        const auto date = cell.date_style ? sanpi::sheet::date_from_serial(cell.text, date1904) : std::nullopt;
        if (date) {
            write_field(out, date->iso());
        } else if (cell.kind == sanpi::sheet::CellKind::kNumber) {
            // As a spreadsheet program saves it: Excel keeps 15 significant digits, so the
            // libxlsxwriter double 71405.39999999999 is the 71405.4 a person sees and saves.
            char number[32];
            std::snprintf(number, sizeof number, "%.15g", std::strtod(cell.text.c_str(), nullptr));
            write_field(out, number);
        } else {
            write_field(out, cell.text);
        }
    }
    out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    std::string file, csv;
    std::size_t sheet = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--sheet" && i + 1 < argc) {
            sheet = static_cast<std::size_t>(std::strtoul(argv[++i], nullptr, 10) - 1);
        } else if (arg == "--csv" && i + 1 < argc) {
            csv = argv[++i];
        } else if (file.empty()) {
            file = arg;
        } else {
            file.clear();
            break;
        }
    }
    if (file.empty()) {
        std::cerr << "usage: sanpi_sheet_read FILE [--sheet N, from 1] [--csv OUT]\n";
        return 2;
    }
    std::ofstream out;
    if (!csv.empty()) out.open(csv, std::ios::binary | std::ios::trunc);
    const auto started = std::chrono::steady_clock::now();
    auto reader = sanpi::sheet::open_sheet(file);
    if (!reader) {
        std::cerr << "cannot open " << file << ": " << reader.error().message.en << "\n";
        return 1;
    }
    const bool date1904 = (*reader)->date1904();
    std::int64_t rows = 0, cells = 0, bytes = 0;
    auto read = (*reader)->read_rows(sheet, [&](const sanpi::sheet::Row& row) -> sanpi::Result<void> {
        ++rows;
        cells += static_cast<std::int64_t>(row.cells.size());
        for (const auto& c : row.cells) bytes += static_cast<std::int64_t>(c.text.size());
        if (out.is_open()) write_row(out, row, date1904);
        return {};
    });
    if (!read) {
        std::cerr << "cannot read " << file << ": " << read.error().message.en << "\n";
        return 1;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cout << "{\"reader\":\"sanpi\",\"rows\":" << rows << ",\"cells\":" << cells << ",\"text_bytes\":" << bytes
              << ",\"seconds\":" << took.count() << "}\n";
    return out.is_open() && !out.flush() ? 1 : 0;
}
