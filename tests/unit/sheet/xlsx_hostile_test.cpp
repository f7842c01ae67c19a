// Files made to hurt: each must end in a clear error, in bounded time and memory.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "sheet/sheet_reader.hpp"
#include "sheet_test_support.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace xlsx_hostile_test {

using namespace sanpi::sheet::test;
using ::sanpi::testing::generated_member;
using ::sanpi::testing::TempDir;
using ::sanpi::testing::XlsxFixture;

constexpr std::uint64_t kMiB = 1ull << 20;

// Opens the file and reads its first sheet; the first error met, in English and Chinese.
std::string first_error(const std::string& path, const Limits& limits = {}) {
    auto opened = open_sheet(path, limits);
    if (!opened) return open_error(opened);
    const auto back = read_all(**opened);
    return back.error_en.empty() ? "" : back.error_en + " | " + back.error_zh;
}

class Stopwatch {
public:
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

TEST(XlsxHostile, ZipBombStopsAtTheCompressionRatio) {
    TempDir dir;
    const std::string path = dir.file("bomb.xlsx");
    XlsxFixture book;
    book.sheet("S", "").part(
        generated_member("xl/worksheets/sheet1.xml", "", std::string(4096, '\0'), 300 * kMiB / 4096, "", true));
    ASSERT_EQ(book.write(path), "");
    EXPECT_LT(std::filesystem::file_size(path), 2 * kMiB);
    Stopwatch watch;
    const auto error = first_error(path);
    EXPECT_NE(error.find("likely zip bomb"), std::string::npos) << error;
    EXPECT_NE(error.find("xl/worksheets/sheet1.xml"), std::string::npos) << error;
    EXPECT_LT(watch.seconds(), 2.0);
}

TEST(XlsxHostile, ZipBombStopsAtTheTotalUnpackedSize) {
    TempDir dir;
    const std::string path = dir.file("bomb.xlsx");
    XlsxFixture book;
    book.sheet("S", "").shared_strings({}).part(generated_member(
        "xl/sharedStrings.xml", "<sst><si><t>", std::string(4096, ' '), 100 * kMiB / 4096, "</t></si></sst>", true));
    ASSERT_EQ(book.write(path), "");
    Limits limits;
    limits.max_compression_ratio = 1'000'000;
    limits.max_unpacked_bytes = 16 * kMiB;
    limits.max_cell_bytes = 1'000 * kMiB;
    const auto error = first_error(path, limits);
    EXPECT_NE(error.find("unpacks to more than the limit of 16 MiB"), std::string::npos) << error;
}

TEST(XlsxHostile, BillionLaughsIsRefused) {
    TempDir dir;
    const std::string path = dir.file("laughs.xlsx");
    std::string dtd = "<!DOCTYPE sst [<!ENTITY lol \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        const std::string prev = i == 1 ? "lol" : "lol" + std::to_string(i - 1);
        dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) dtd += "&" + prev + ";";
        dtd += "\">";
    }
    dtd += "]>";
    XlsxFixture book;
    book.sheet("S", "<row><c t=\"s\"><v>0</v></c></row>")
        .part({"xl/sharedStrings.xml",
               "<?xml version=\"1.0\"?>" + dtd + "<sst><si><t>&lol9;</t></si></sst>",
               true,
               {},
               0})
        .shared_strings({"x"});
    ASSERT_EQ(book.write(path), "");
    const auto error = first_error(path);
    EXPECT_NE(error.find("DTD or entity declaration"), std::string::npos) << error;
}

TEST(XlsxHostile, ExternalEntityIsRefused) {
    TempDir dir;
    const std::string path = dir.file("xxe.xlsx");
    XlsxFixture book;
    book.raw_sheet("S",
                   "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                   "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>"
                   "</worksheet>");
    ASSERT_EQ(book.write(path), "");
    const auto error = first_error(path);
    EXPECT_NE(error.find("DTD or entity declaration"), std::string::npos) << error;
    EXPECT_EQ(error.find("root:"), std::string::npos);
}

TEST(XlsxHostile, MoreRowsThanExcelAllows) {
    TempDir dir;
    {
        XlsxFixture book;
        book.sheet("大表", "<row r=\"1\"><c><v>1</v></c></row><row r=\"1048577\"><c><v>1</v></c></row>");
        ASSERT_EQ(book.write(dir.file("numbered.xlsx")), "");
        const auto error = first_error(dir.file("numbered.xlsx"));
        EXPECT_NE(error.find("sheet \"大表\" has more than the limit of 1048576 rows"), std::string::npos) << error;
        EXPECT_NE(error.find("工作表「大表」超过 1048576 行的上限"), std::string::npos) << error;
    }
    // 1,048,577 rows without numbers (empty, so never delivered, but counted); stored, so the part
    // is what it says and no compression ratio stops it first.
    XlsxFixture book;
    book.sheet("S", "").part(generated_member("xl/worksheets/sheet1.xml", "<worksheet><sheetData>", "<row/>", 1'048'577,
                                              "</sheetData></worksheet>", false));
    ASSERT_EQ(book.write(dir.file("counted.xlsx")), "");
    Stopwatch watch;
    const auto error = first_error(dir.file("counted.xlsx"));
    EXPECT_NE(error.find("more than the limit of 1048576 rows"), std::string::npos) << error;
    EXPECT_LT(watch.seconds(), 10.0);  // about 1 s in a debug build, several under ASan on a busy machine
}

TEST(XlsxHostile, TenMegabyteCells) {
    TempDir dir;
    const std::string big(10 * kMiB, 'x');
    XlsxFixture inline_cell;
    inline_cell.stored().sheet("S", "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>" + big + "</t></is></c></row>");
    ASSERT_EQ(inline_cell.write(dir.file("inline.xlsx")), "");
    auto error = first_error(dir.file("inline.xlsx"));
    EXPECT_NE(error.find("cell C2 holds more than the limit of 131068 bytes"), std::string::npos) << error;

    XlsxFixture shared;
    shared.stored().shared_strings({"a", big}).sheet("S", "");
    ASSERT_EQ(shared.write(dir.file("shared.xlsx")), "");
    error = first_error(dir.file("shared.xlsx"));
    EXPECT_NE(error.find("shared string 2 is longer than the cell limit"), std::string::npos) << error;
}

TEST(XlsxHostile, HugeTagsAndCommentsAreRefused) {
    TempDir dir;
    XlsxFixture tag;
    tag.sheet("S", "").part(generated_member("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=\"A1\" x=\"",
                                             std::string(4096, 'a'), 2 * 1024, "\"/></row></sheetData></worksheet>",
                                             false));
    ASSERT_EQ(tag.write(dir.file("tag.xlsx")), "");
    auto error = first_error(dir.file("tag.xlsx"));
    EXPECT_NE(
        error.find("sheet \"S\" has a single XML token (tag, comment or processing instruction) longer than 4 MiB"),
        std::string::npos)
        << error;

    XlsxFixture comment;
    comment.shared_strings({}).sheet("S", "").part(
        generated_member("xl/sharedStrings.xml", "<sst><!--", std::string(4096, 'c'), 2 * 1024, "--></sst>", false));
    ASSERT_EQ(comment.write(dir.file("comment.xlsx")), "");
    error = first_error(dir.file("comment.xlsx"));
    EXPECT_NE(error.find("the XLSX part xl/sharedStrings.xml has a single XML token"), std::string::npos) << error;
}

TEST(XlsxHostile, SharedStringTableBeyondItsBudget) {
    TempDir dir;
    XlsxFixture book;
    book.stored().shared_strings(std::vector<std::string>(2000, std::string(1000, 'y'))).sheet("S", "");
    ASSERT_EQ(book.write(dir.file("sst.xlsx")), "");
    Limits limits;
    limits.max_shared_string_bytes = kMiB;
    const auto error = first_error(dir.file("sst.xlsx"), limits);
    EXPECT_NE(error.find("shared string table is larger than the limit of 1 MiB"), std::string::npos) << error;
}

TEST(XlsxHostile, TruncatedAndDamagedZips) {
    TempDir dir;
    XlsxFixture book;
    std::string rows;
    for (int r = 1; r <= 2000; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r * 7919) + "</v></c></row>";
    book.sheet("S", rows);
    const std::string path = dir.file("whole.xlsx");
    ASSERT_EQ(book.write(path), "");
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    const std::string cut = dir.file("cut.xlsx");
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    auto error = first_error(cut);
    EXPECT_NE(error.find("truncated or damaged"), std::string::npos) << error;

    // The sheet's compressed data altered in place: the directory is intact, the data is not.
    std::string altered = bytes;
    const auto sheet_at = altered.find("xl/worksheets/sheet1.xml");
    ASSERT_NE(sheet_at, std::string::npos);
    for (std::size_t i = sheet_at + 200; i < sheet_at + 400 && i < altered.size(); ++i)
        altered[i] = static_cast<char>(altered[i] ^ 0x5A);
    const std::string damaged = dir.file("damaged.xlsx");
    std::ofstream(damaged, std::ios::binary) << altered;
    error = first_error(damaged);
    EXPECT_NE(error.find("xl/worksheets/sheet1.xml"), std::string::npos) << error;
}

// Found by the fuzzer (fuzz/fuzz_xlsx_sheet.cpp): a row opened inside an unfinished row handed the
// outer row's cells on under the inner row's number.
TEST(XlsxHostile, NestedRowsAndCellsAreADamagedFile) {
    TempDir dir;
    const std::string rows = dir.file("rows.xlsx");
    ASSERT_EQ(XlsxFixture{}
                  .sheet("S", "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>a</t></is></c>"
                              "<row><c r=\"D3\"><v>1</v></c></row></row>")
                  .write(rows),
              "");
    auto error = first_error(rows);
    EXPECT_NE(error.find("a row starts inside row 2"), std::string::npos) << error;
    EXPECT_NE(error.find("文件结构损坏"), std::string::npos) << error;

    const std::string cells = dir.file("cells.xlsx");
    ASSERT_EQ(XlsxFixture{}.sheet("S", "<row r=\"1\"><c r=\"A1\"><c r=\"B1\"><v>1</v></c></c></row>").write(cells), "");
    error = first_error(cells);
    EXPECT_NE(error.find("has another cell inside it"), std::string::npos) << error;
}

TEST(XlsxHostile, NotSpreadsheets) {
    TempDir dir;
    struct Case {
        std::string bytes;
        std::string message;
    };
    const std::vector<Case> cases = {
        {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), "old Excel (.xls) or WPS (.et)"},
        {std::string("\x7F"
                     "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                     16) +
             std::string(100, '\x01'),
         "not a spreadsheet"},
        {"%PDF-1.7\n1 0 obj\n", "not a spreadsheet"},
        {std::string("\xFF\xFE"
                     "a\0b\0",
                     6),
         "UTF-16"},
        {std::string("PK\x03\x04", 4) + std::string(100, 'z'), "truncated or damaged"},
    };
    for (const auto& c : cases) {
        const std::string path = dir.file("upload.xlsx");
        std::ofstream(path, std::ios::binary | std::ios::trunc) << c.bytes;
        const auto error = first_error(path);
        EXPECT_NE(error.find(c.message), std::string::npos) << error;
    }
    // A zip that is not a workbook.
    ASSERT_EQ(::sanpi::testing::write_zip(dir.file("other.zip"), {{"readme.txt", "hello", true, {}, 0}}), "");
    EXPECT_NE(first_error(dir.file("other.zip")).find("not an Excel workbook"), std::string::npos);
}

// A ZIP64 end of central directory claiming 2^26 members: refused by its declared count, before
// libzip reads the directory.
TEST(XlsxHostile, DirectoryClaimingMillionsOfMembers) {
    auto le = [](std::uint64_t v, int bytes) {
        std::string out;
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
        return out;
    };
    const std::uint64_t claimed = 1ull << 26;
    std::string bytes = std::string("PK\x03\x04", 4) + std::string(26, '\0');
    const std::uint64_t zip64_at = bytes.size();
    bytes += std::string("PK\x06\x06", 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4) + le(claimed, 8) +
             le(claimed, 8) + le(0, 8) + le(0, 8);
    bytes += std::string("PK\x06\x07", 4) + le(0, 4) + le(zip64_at, 8) + le(1, 4);
    bytes += std::string("PK\x05\x06", 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFFFFFF, 4) +
             le(0xFFFFFFFF, 4) + le(0, 2);
    TempDir dir;
    const std::string path = dir.file("claims.xlsx");
    std::ofstream(path, std::ios::binary) << bytes;
    const auto error = first_error(path);
    EXPECT_NE(error.find("declares more than 65535 parts"), std::string::npos) << error;
}

TEST(XlsxHostile, FileLargerThanAllowed) {
    TempDir dir;
    XlsxFixture book;
    book.stored().sheet("S", "<row><c t=\"inlineStr\"><is><t>" + std::string(200'000, 'a') + "</t></is></c></row>");
    ASSERT_EQ(book.write(dir.file("big.xlsx")), "");
    Limits limits;
    limits.max_file_bytes = 100'000;
    EXPECT_NE(first_error(dir.file("big.xlsx"), limits).find("larger than the limit"), std::string::npos);
}

}  // namespace xlsx_hostile_test
}  // namespace sanpi::sheet
