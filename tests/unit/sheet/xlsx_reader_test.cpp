#include <gtest/gtest.h>

#include "sheet/sheet_reader.hpp"
#include "sheet_test_support.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace xlsx_reader_test {

using namespace sanpi::sheet::test;
using ::sanpi::testing::TempDir;
using ::sanpi::testing::XlsxFixture;

std::unique_ptr<SheetReader> open_fixture(const XlsxFixture& fixture, const TempDir& dir, const Limits& limits = {}) {
    const std::string path = dir.file("book.xlsx");
    const std::string written = fixture.write(path);
    EXPECT_EQ(written, "");
    auto opened = open_sheet(path, limits);
    EXPECT_TRUE(opened) << open_error(opened);
    return opened ? std::move(*opened) : nullptr;
}

TEST(XlsxReader, StringsOfEveryKindNumbersBooleansAndErrors) {
    TempDir dir;
    XlsxFixture book;
    book.shared_strings_xml(
            "<si><t>项目名称</t></si>"
            "<si><r><rPr><b/></rPr><t>总投资</t></r><r><t xml:space=\"preserve\">（亿元） </t></r>"
            "<rPh sb=\"0\" eb=\"1\"><t>ソウ</t></rPh></si>"
            "<si>\n  <t xml:space=\"preserve\">  两端空格  </t>\n</si>"
            "<si><t>第一行_x000D_\n第二行</t></si>"
            "<si><t>a_x005F_x000D_b</t></si>"
            "<si><t/></si>")
        .sheet("项目",
               "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
               "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c>"
               "<c r=\"F1\" t=\"s\"><v>5</v></c></row>"
               "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>晋中</t></is></c>"
               "<c r=\"B2\" t=\"inlineStr\"><is><r><t>开发</t></r><r><rPr><i/></rPr><t>区</t></r></is></c>"
               "<c r=\"C2\" t=\"str\"><f>A2&amp;\"x\"</f><v>晋中x</v></c>"
               "<c r=\"D2\"><v>12.5</v></c><c r=\"E2\" t=\"n\"><v>1.5E-3</v></c>"
               "<c r=\"F2\" t=\"b\"><v>1</v></c><c r=\"G2\" t=\"b\"><v>0</v></c>"
               "<c r=\"H2\" t=\"e\"><v>#N/A</v></c><c r=\"I2\" t=\"str\"><f>1/0</f></c><c r=\"J2\"/></row>");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    ASSERT_EQ(reader->sheets().size(), 1u);
    EXPECT_EQ(reader->sheets()[0].name, "项目");
    EXPECT_FALSE(reader->date1904());
    const auto back = read_all(*reader);
    ASSERT_EQ(back.error_en, "");
    ASSERT_EQ(back.rows.size(), 2u);
    EXPECT_EQ(back.rows[0], (Row{1,
                                 {text(0, "项目名称"), text(1, "总投资（亿元） "), text(2, "  两端空格  "),
                                  text(3, "第一行\r\n第二行"), text(4, "a_x000D_b")}}));
    EXPECT_EQ(back.rows[1], (Row{2,
                                 {text(0, "晋中"), text(1, "开发区"), text(2, "晋中x"), number(3, "12.5"),
                                  number(4, "1.5E-3"), boolean(5, "1"), boolean(6, "0"), error(7, "#N/A")}}));
}

TEST(XlsxReader, DateStylesFromBuiltInAndCustomFormats) {
    TempDir dir;
    XlsxFixture book;
    book.styles(
            "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
            "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;d&quot;\"/>"
            "<numFmt numFmtId=\"166\" formatCode=\"[Red]#,##0.00_);\\(#,##0.00\\)\"/>"
            "<numFmt numFmtId=\"167\" formatCode=\"[$-804]h:mm\"/>",
            "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
            "<xf numFmtId=\"31\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"4\"/>")
        .sheet("S",
               "<row r=\"3\"><c r=\"A3\" s=\"0\"><v>44742</v></c><c r=\"B3\" s=\"1\"><v>44742</v></c>"
               "<c r=\"C3\" s=\"2\"><v>44742.75</v></c><c r=\"D3\" s=\"3\"><v>44742</v></c>"
               "<c r=\"E3\" s=\"4\"><v>44742</v></c><c r=\"F3\" s=\"5\"><v>44742</v></c>"
               "<c r=\"G3\" s=\"6\"><v>0.5</v></c><c r=\"H3\" s=\"7\"><v>44742</v></c>"
               "<c r=\"I3\" s=\"99\"><v>44742</v></c><c r=\"J3\" s=\"1\" t=\"s\"><v>0</v></c></row>")
        .shared_strings({"2022-06-30"});
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    const auto back = read_all(*reader);
    ASSERT_EQ(back.error_en, "");
    ASSERT_EQ(back.rows.size(), 1u);
    EXPECT_EQ(back.rows[0],
              (Row{3,
                   {number(0, "44742"), number(1, "44742", true), number(2, "44742.75", true), number(3, "44742"),
                    number(4, "44742", true), number(5, "44742"), number(6, "0.5", true), number(7, "44742"),
                    number(8, "44742"), text(9, "2022-06-30")}}));
}

TEST(XlsxReader, Date1904Workbook) {
    TempDir dir;
    XlsxFixture book;
    book.date1904().sheet("Mac", "<row r=\"1\"><c r=\"A1\"><v>0</v></c></row>");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    EXPECT_TRUE(reader->date1904());
    EXPECT_EQ(date_from_serial(read_all(*reader).rows.at(0).cells.at(0).text, reader->date1904())->iso(), "1904-01-01");
}

TEST(XlsxReader, SeveralSheetsInWorkbookOrder) {
    TempDir dir;
    XlsxFixture book;
    book.sheet("汇总", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        .sheet("太原市", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")
        .sheet("Empty", "");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    ASSERT_EQ(reader->sheets().size(), 3u);
    EXPECT_EQ(reader->sheets()[0].name, "汇总");
    EXPECT_EQ(reader->sheets()[1].name, "太原市");
    EXPECT_EQ(reader->sheets()[2].name, "Empty");
    EXPECT_EQ(read_all(*reader, 1).rows, (std::vector<Row>{{1, {number(0, "2")}}}));
    EXPECT_EQ(read_all(*reader, 0).rows, (std::vector<Row>{{1, {number(0, "1")}}}));
    EXPECT_TRUE(read_all(*reader, 2).rows.empty());
    EXPECT_NE(read_all(*reader, 3).error_en.find("no sheet number 4"), std::string::npos);
}

TEST(XlsxReader, MergedRangesKnownBeforeTheFirstRow) {
    TempDir dir;
    XlsxFixture book;
    book.sheet("S",
               "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>投资情况</t></is></c></row>"
               "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>总投资</t></is></c></row>",
               "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"D1:D2\"/></mergeCells>"
               "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    EXPECT_TRUE(reader->sheets()[0].merges.empty());
    std::vector<MergedRange> seen;
    auto done = reader->read_rows(0, [&](const Row& row) -> Result<void> {
        if (row.number == 1) seen = reader->sheets()[0].merges;
        return {};
    });
    ASSERT_TRUE(done);
    EXPECT_EQ(seen, (std::vector<MergedRange>{{1, 1, 0, 2}, {1, 2, 3, 3}}));
}

TEST(XlsxReader, PrefixedNamespaceAndSelfClosingSheetData) {
    TempDir dir;
    XlsxFixture book;
    const std::string ns = "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    book.raw_sheet("Prefixed", "<?xml version=\"1.0\"?><x:worksheet " + ns +
                                   "><x:sheetData><x:row r=\"4\"><x:c r=\"B4\"><x:v>7</x:v></x:c></x:row>"
                                   "</x:sheetData><x:mergeCells><x:mergeCell ref=\"B4:C5\"/></x:mergeCells>"
                                   "</x:worksheet>")
        .raw_sheet("Blank", "<worksheet><sheetData/><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    EXPECT_EQ(read_all(*reader, 0).rows, (std::vector<Row>{{4, {number(1, "7")}}}));
    EXPECT_EQ(reader->sheets()[0].merges, (std::vector<MergedRange>{{4, 5, 1, 2}}));
    EXPECT_TRUE(read_all(*reader, 1).rows.empty());
    EXPECT_EQ(reader->sheets()[1].merges, (std::vector<MergedRange>{{1, 1, 0, 1}}));
}

TEST(XlsxReader, RowsAndCellsWithoutReferencesAndSparseRows) {
    TempDir dir;
    XlsxFixture book;
    book.sheet("S",
               "<row><c><v>1</v></c><c><v>2</v></c></row>"                   // row 1, A and B
               "<row r=\"3\"><c r=\"C3\"><v>3</v></c><c><v>4</v></c></row>"  // D3 follows C3
               "<row r=\"5\"/>"                                              // empty: not delivered
               "<row><c r=\"B6\"/><c r=\"C6\" t=\"s\"/></row>"               // only empty cells: not delivered
               "<row><c r=\"XFD9\"><v>9</v></c></row>"                       // row number from the cell
               "<row r=\"1000\"><c r=\"A1000\"><v>x</v></c><c r=\"Z1000\"><v>y</v></c></row>");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    const auto back = read_all(*reader);
    ASSERT_EQ(back.error_en, "");
    EXPECT_EQ(back.rows, (std::vector<Row>{{1, {number(0, "1"), number(1, "2")}},
                                           {3, {number(2, "3"), number(3, "4")}},
                                           {9, {number(16383, "9")}},
                                           {1000, {number(0, "x"), number(25, "y")}}}));
}

TEST(XlsxReader, AnErrorFromTheCallerStopsTheRead) {
    TempDir dir;
    XlsxFixture book;
    book.sheet(
        "S", "<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row><row r=\"3\"><c><v>3</v></c></row>");
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    int calls = 0;
    auto done = reader->read_rows(0, [&](const Row& row) -> Result<void> {
        ++calls;
        if (row.number == 2) return Error::invalid_field("rows[2]", "停", "stop");
        return {};
    });
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().fields.at(0).field, "rows[2]");
    EXPECT_EQ(calls, 2);
}

TEST(XlsxReader, BrokenCellsAreNamedByTheirReference) {
    struct Case {
        std::string rows;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"<row r=\"12\"><c r=\"C12\" t=\"s\"><v>5</v></c></row>", "sheet \"S\", cell C12 refers to a shared string"},
        {"<row r=\"2\"><c r=\"B2\" t=\"b\"><v>yes</v></c></row>", "cell B2 has an invalid boolean"},
        {"<row r=\"2\"><c r=\"B2\" t=\"q\"><v>1</v></c></row>", "cell B2 has an unknown type \"q\""},
        {"<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"B2\"><v>1</v></c></row>", "cell B2 comes after a later cell"},
        {"<row r=\"3\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>", "row 3 comes after row 3"},
        {"<row r=\"x\"/>", "invalid row number \"x\""},
        {"<row><c r=\"1A\"><v>1</v></c></row>", "invalid cell reference \"1A\""},
        {"<row><c r=\"XFE1\"><v>1</v></c></row>", "past the limit of 16384 columns"},
        {"<row><c><v>1</v></row>", "not well-formed XML (line 2: mismatched tag)"},
        {"<row><c><v>&bogus;</v></c></row>", "undefined entity"},
    };
    for (const auto& c : cases) {
        TempDir dir;
        XlsxFixture book;
        book.shared_strings({"only"}).sheet("S", c.rows);
        auto reader = open_fixture(book, dir);
        ASSERT_TRUE(reader);
        const auto back = read_all(*reader);
        EXPECT_NE(back.error_en.find(c.message), std::string::npos) << c.rows << " → " << back.error_en;
        EXPECT_NE(back.error_zh, "") << c.rows;
    }
}

TEST(XlsxReader, PartsFoundThroughRelationships) {
    TempDir dir;
    using ::sanpi::testing::ZipMember;
    XlsxFixture book;
    // The workbook somewhere else, its sheet reached with "..", the package's names in another case.
    book.part({"_rels/.rels",
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"a\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "officeDocument\" Target=\"/book/main.xml\"/></Relationships>",
               true,
               {},
               0})
        .part({"book/main.xml",
               "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
               "<sheets><sheet name=\"Moved\" sheetId=\"1\" r:id=\"s1\"/></sheets></workbook>",
               true,
               {},
               0})
        .part({"book/_rels/main.xml.rels",
               "<Relationships><Relationship Id=\"s1\" Type=\"x/worksheet\" Target=\"./sheets/../data/One.XML\"/>"
               "</Relationships>",
               true,
               {},
               0})
        .part({"book/data/one.xml",
               "<worksheet><sheetData><row><c><v>5</v></c></row></sheetData></worksheet>",
               true,
               {},
               0});
    auto reader = open_fixture(book, dir);
    ASSERT_TRUE(reader);
    EXPECT_EQ(reader->sheets().at(0).name, "Moved");
    EXPECT_EQ(read_all(*reader).rows, (std::vector<Row>{{1, {number(0, "5")}}}));
}

}  // namespace xlsx_reader_test
}  // namespace sanpi::sheet
