#include <gtest/gtest.h>
#include <iconv.h>

#include <chrono>
#include <fstream>
#include <random>

#include "domain/text_normalize.hpp"
#include "sheet/csv_records.hpp"
#include "sheet/csv_text.hpp"
#include "sheet/sheet_reader.hpp"
#include "sheet_test_support.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace csv_reader_test {

using namespace sanpi::sheet::test;
using ::sanpi::testing::TempDir;

// The same text in GB18030, converted with iconv as a Chinese Windows program would save it.
std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string in = utf8;
    std::string out(utf8.size() * 2 + 16, '\0');
    char* src = in.data();
    char* dst = out.data();
    std::size_t src_left = in.size(), dst_left = out.size();
    const auto converted = iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    EXPECT_NE(converted, static_cast<std::size_t>(-1));
    out.resize(out.size() - dst_left);
    return out;
}

std::string write_file(const TempDir& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

ReadBack read_csv(const std::string& bytes, const Limits& limits = {}, const std::string& name = "projects.csv") {
    TempDir dir;
    auto opened = open_sheet(write_file(dir, name, bytes), limits);
    if (!opened) return {{}, open_error(opened), ""};
    EXPECT_EQ((*opened)->sheets().size(), 1u);
    EXPECT_EQ((*opened)->sheets().at(0).name, name);
    EXPECT_FALSE((*opened)->date1904());
    return read_all(**opened);
}

const std::string kTable = "序号,项目名称,总投资（亿元）\n1,晋中煤化工项目,12.5\n2,\"太原装备, 二期\",3\n";
const std::vector<Row> kRows = {
    {1, {text(0, "序号"), text(1, "项目名称"), text(2, "总投资（亿元）")}},
    {2, {text(0, "1"), text(1, "晋中煤化工项目"), text(2, "12.5")}},
    {3, {text(0, "2"), text(1, "太原装备, 二期"), text(2, "3")}},
};

TEST(CsvReader, Utf8Utf8WithBomAndGb18030ReadAlike) {
    EXPECT_EQ(read_csv(kTable).rows, kRows);
    EXPECT_EQ(read_csv("\xEF\xBB\xBF" + kTable).rows, kRows);
    const std::string gb = to_gb18030(kTable);
    ASSERT_NE(gb, kTable);
    const auto back = read_csv(gb);
    EXPECT_EQ(back.error_en, "");
    EXPECT_EQ(back.rows, kRows);
}

TEST(CsvReader, Gb18030PastTheFirstChunk) {
    // ASCII for well over one 64 KiB chunk, Chinese only at the end: still decided as GB18030,
    // and a character split across chunks is joined.
    std::string utf8;
    for (int i = 1; i <= 5000; ++i) utf8 += std::to_string(i) + ",abcdefghij,klmnopq\n";
    utf8 += "5001,吕梁市离石区,山西\n";
    const auto back = read_csv(to_gb18030(utf8));
    ASSERT_EQ(back.error_en, "");
    ASSERT_EQ(back.rows.size(), 5001u);
    EXPECT_EQ(back.rows.back(), (Row{5001, {text(0, "5001"), text(1, "吕梁市离石区"), text(2, "山西")}}));
}

TEST(CsvReader, TabDelimitedDecidedFromTheFirstRecord) {
    const auto back = read_csv("\n\n名称\t金额\t备注\n甲\t1,000\t\"a\tb\"\n");
    EXPECT_EQ(back.rows, (std::vector<Row>{{3, {text(0, "名称"), text(1, "金额"), text(2, "备注")}},
                                           {4, {text(0, "甲"), text(1, "1,000"), text(2, "a\tb")}}}));
}

TEST(CsvReader, QuotesLineBreaksAndLineEndings) {
    const std::string csv =
        "a,\"he said \"\"hi\"\"\",c\r\n"
        "\"line one\r\nline two\",x\r\n"
        "\r\n"
        ",,\r\n"
        "cr only\rnext\r"
        "\"two\nlines\",\"\",last";
    const auto back = read_csv(csv);
    ASSERT_EQ(back.error_en, "");
    EXPECT_EQ(back.rows, (std::vector<Row>{{1, {text(0, "a"), text(1, "he said \"hi\""), text(2, "c")}},
                                           {2, {text(0, "line one\r\nline two"), text(1, "x")}},
                                           {6, {text(0, "cr only")}},
                                           {7, {text(0, "next")}},
                                           {8, {text(0, "two\nlines"), text(2, "last")}}}));
}

TEST(CsvReader, SparseFieldsKeepTheirColumns) {
    EXPECT_EQ(read_csv(",b,,d,\n").rows, (std::vector<Row>{{1, {text(1, "b"), text(3, "d")}}}));
}

TEST(CsvReader, ContentDecidesNotTheName) { EXPECT_EQ(read_csv(kTable, {}, "misnamed.xlsx").rows, kRows); }

TEST(CsvReader, BrokenRecordsNameTheirLine) {
    Limits limits;
    limits.max_columns = 3;
    limits.max_cell_bytes = 8;
    struct Case {
        std::string csv;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"a,b\n\"op\n", "CSV line 2: a quoted field is not closed"},
        {"a,b\n1,2,3,4\n", "CSV line 2: more fields than the limit of 3 columns"},
        {"a\nb\n123456789\n", "CSV line 3: field 1 is longer than the limit of 8 bytes"},
        {"a,b\n\xFF\xFF\xFF,1\n", "bytes that are neither UTF-8 nor GB18030"},
        {"\xEF\xBB\xBF"
         "a\n\xC4\xE3\n",
         "starts with a UTF-8 byte order mark but has bytes that are not valid UTF-8"},
    };
    for (const auto& c : cases) {
        const auto back = read_csv(c.csv, limits);
        EXPECT_NE(back.error_en.find(c.message), std::string::npos) << back.error_en;
    }
    Limits rows;
    rows.max_rows = 2;
    EXPECT_NE(read_csv("1\n2\n\n3\n", rows).error_en.find("CSV line 4: past the limit of 2 rows"), std::string::npos);
    // Blank lines count: a record's row number is its line, bounded as an XLSX row's place is.
    EXPECT_NE(read_csv("1\r\r\r2\n", rows).error_en.find("CSV line 4: past the limit of 2 rows"), std::string::npos);
    EXPECT_EQ(read_csv("1\r\n2\n", rows).rows.size(), 2u);
}

TEST(CsvReader, AHugeLineFailsFastInBoundedMemory) {
    TempDir dir;
    const std::string path = dir.file("huge.csv");
    {
        std::ofstream out(path, std::ios::binary);
        out << "a,b\n";
        const std::string block(1 << 20, 'x');
        for (int i = 0; i < 64; ++i) out << block;
    }
    Limits limits;
    limits.max_file_bytes = 128ull << 20;
    limits.max_line_bytes = 1u << 20;
    const auto start = std::chrono::steady_clock::now();
    // Refused by the pass that decides the encoding, after a few MiB of the 64.
    auto opened = open_sheet(path, limits);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string error = open_error(opened);
    EXPECT_NE(error.find("CSV line 2: the record is longer than the limit of 1048576 bytes"), std::string::npos)
        << error;
    EXPECT_NE(error.find("CSV 文件第 2 行超过 1048576 字节的上限"), std::string::npos) << error;
    EXPECT_LT(seconds, 1.0);
}

TEST(CsvReader, ARecordPastItsLimitFailsWhileRead) {
    // Many short lines inside one quoted field: no line is long, the record is.
    std::string csv = "a,b\n\"";
    for (int i = 0; i < 100; ++i) csv += "0123456789\n";
    csv += "\",c\n";
    Limits limits;
    limits.max_line_bytes = 500;
    limits.max_cell_bytes = 10'000;
    ReadBack back = read_csv(csv, limits);
    EXPECT_NE(back.error_en.find("CSV line 2: the record is longer than the limit of 500 bytes"), std::string::npos)
        << back.error_en;
    EXPECT_EQ(back.rows.size(), 1u);
}

TEST(CsvReader, AFileLargerThanAllowedIsRefusedUnread) {
    Limits limits;
    limits.max_file_bytes = 10;
    EXPECT_NE(read_csv(kTable, limits).error_en.find("larger than the limit of 10 bytes"), std::string::npos);
}

TEST(CsvRecords, DelimiterSniffing) {
    struct Case {
        std::string text;
        char delimiter;
        bool complete;
    };
    const std::vector<Case> cases = {
        {"a,b,c\n", ',', true},       {"a\tb\tc\r\n", '\t', true},
        {"\"x,y\"\tz\n", '\t', true}, {"\n\na\tb", '\t', false},
        {"only\n", ',', true},        {"a\t\"b\n,c,d\"\n", '\t', true},
        {"a,b\tc\td\n", '\t', true},  {"", ',', false},
    };
    for (const auto& c : cases) {
        bool complete = false;
        EXPECT_EQ(sniff_delimiter(c.text, complete), c.delimiter) << c.text;
        EXPECT_EQ(complete, c.complete) << c.text;
    }
}

TEST(CsvRecords, ChunkBoundariesAnywhere) {
    const std::string csv = "x,\"a\"\"b\"\r\n\"c\r\nd\",e\r\nf,g";
    for (std::size_t split = 0; split <= csv.size(); ++split) {
        std::vector<Row> rows;
        const std::function<Result<void>(const Row&)> on_row = [&](const Row& row) -> Result<void> {
            rows.push_back(row);
            return {};
        };
        const Limits limits;
        CsvRecords records(',', limits, on_row);
        ASSERT_TRUE(records.feed(std::string_view(csv).substr(0, split)));
        ASSERT_TRUE(records.feed(std::string_view(csv).substr(split)));
        ASSERT_TRUE(records.finish());
        EXPECT_EQ(rows, (std::vector<Row>{{1, {text(0, "x"), text(1, "a\"b")}},
                                          {2, {text(0, "c\r\nd"), text(1, "e")}},
                                          {4, {text(0, "f"), text(1, "g")}}}))
            << "split at " << split;
    }
}

// The validator's fast paths (eight ASCII bytes, one whole three-byte character) must decide as
// the plain definition does, wherever the chunks are cut: random bytes drawn mostly from valid
// pieces, with stray lead, continuation, overlong and surrogate bytes mixed in.
TEST(CsvText, Utf8ValidatorAgreesWithTheDefinitionAcrossChunks) {
    static const std::vector<std::string> pieces{"a",
                                                 "0123456789",
                                                 ",",
                                                 "\n",
                                                 "中",
                                                 "国",
                                                 "é",
                                                 "😀",
                                                 "\u3000",
                                                 "\xEF\xBC\x8C",
                                                 "\xE0\xA0\x80",
                                                 "\xED\x9F\xBF",
                                                 "\xE0\x80\x80",
                                                 "\xED\xA0\x80",
                                                 "\xF4\x90\x80\x80",
                                                 "\xC0\xAF",
                                                 "\x80",
                                                 "\xE4",
                                                 "\xE4\xB8",
                                                 "\xFF"};
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> length(0, 24), piece(0, pieces.size() - 1);
    std::bernoulli_distribution rare(0.15);
    for (int i = 0; i < 20000; ++i) {
        std::string bytes;
        for (std::size_t n = length(random); n > 0; --n) {
            std::size_t k = piece(random);
            while (k >= 10 && !rare(random)) k = piece(random);
            bytes += pieces[k];
        }
        std::uniform_int_distribution<std::size_t> cut(0, bytes.size());
        std::size_t a = cut(random), b = cut(random);
        if (a > b) std::swap(a, b);
        Utf8Validator validator;
        validator.feed(std::string_view(bytes).substr(0, a));
        validator.feed(std::string_view(bytes).substr(a, b - a));
        validator.feed(std::string_view(bytes).substr(b));
        ASSERT_EQ(validator.complete(), domain::is_valid_utf8(bytes)) << ::testing::PrintToString(bytes);
    }
}

TEST(CsvReader, ALongLineIsNamedByItsNumberAfterMixedLineEnds) {
    // CR, CRLF and LF each end one line, also a CRLF cut by the encoding pass's 64 KiB chunks.
    // That pass refuses a line longer than twice the record limit, naming it.
    Limits limits;
    limits.max_line_bytes = 1'000;
    TempDir dir;
    const std::string mixed = "a\r\nb\rc\n\ny\r\n" + std::string(3000, 'z') + "\n";
    const std::string error = open_error(open_sheet(write_file(dir, "mixed.csv", mixed), limits));
    EXPECT_NE(error.find("CSV line 6: the record is longer than the limit of 1000 bytes"), std::string::npos) << error;

    std::string cut = "a\r\nb\rc\n\n";
    cut += std::string(65536 - cut.size() - 1, 'x') + "\r\n";  // line 5: its CR ends the first chunk
    cut += "y\n" + std::string(70'000, 'z') + "\n";            // line 7
    limits.max_line_bytes = 33'000;
    const std::string at_cut = open_error(open_sheet(write_file(dir, "cut.csv", cut), limits));
    EXPECT_NE(at_cut.find("CSV line 7: the record is longer than the limit of 33000 bytes"), std::string::npos)
        << at_cut;
}

}  // namespace csv_reader_test
}  // namespace sanpi::sheet
