// libFuzzer: the first byte picks a part (worksheet, shared strings, styles, workbook); the rest is
// that part's XML inside an otherwise valid package, written with the tests' fixture writer.
#include <string>

#include "fuzz_file.hpp"
#include "support/xlsx_fixture.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sanpi;
    if (size == 0) return 0;
    const std::string xml(reinterpret_cast<const char*>(data + 1), size - 1);
    testing::XlsxFixture book;
    book.shared_strings({"甲", "b"})
        .styles("<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>", "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>")
        .sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>44742</v></c></row>");
    const char* parts[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"};
    book.part({parts[data[0] % 4], xml, data[0] % 8 < 4, {}, 0});
    const auto& path = fuzz::scratch_path(".xlsx");
    if (!book.write(path).empty()) return 0;
    const auto limits = fuzz::small_limits();
    auto reader = sheet::open_xlsx(path, limits);
    if (reader) fuzz::read_everything(**reader, limits);
    return 0;
}
