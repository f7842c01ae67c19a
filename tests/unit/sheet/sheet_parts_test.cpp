// The XLSX layers' small pieces, as tables of cases.
#include <gtest/gtest.h>

#include "sheet/ooxml_text.hpp"
#include "sheet/sheet_error.hpp"
#include "sheet/xlsx_merges.hpp"
#include "sheet/xlsx_styles.hpp"
#include "sheet/xlsx_workbook.hpp"

namespace sanpi::sheet {
namespace sheet_parts_test {

TEST(SheetCellRefs, ColumnNamesAndReferences) {
    EXPECT_EQ(column_name(0), "A");
    EXPECT_EQ(column_name(25), "Z");
    EXPECT_EQ(column_name(26), "AA");
    EXPECT_EQ(column_name(16383), "XFD");
    EXPECT_EQ(cell_name(2, 12), "C12");
    for (int c : {0, 1, 25, 26, 51, 52, 701, 702, 16383}) EXPECT_EQ(parse_cell_ref(column_name(c))->column, c);
    EXPECT_EQ(parse_cell_ref("b7")->column, 1);
    EXPECT_EQ(parse_cell_ref("B7")->row, 7);
    EXPECT_EQ(parse_cell_ref("B")->row, 0);
    for (const char* bad : {"", "7", "A0", "ABCD1", "A1B", "A-1", "$A$1", "A99999999999"}) {
        EXPECT_FALSE(parse_cell_ref(bad)) << bad;
    }
}

TEST(SheetCellRefs, MergedRanges) {
    EXPECT_EQ(parse_range("A1:C3"), (MergedRange{1, 3, 0, 2}));
    EXPECT_EQ(parse_range("D5"), (MergedRange{5, 5, 3, 3}));
    for (const char* bad : {"", "A1:", "C3:A1", "A:B", "A1:B0", "1:2"}) EXPECT_FALSE(parse_range(bad)) << bad;
}

TEST(XlsxText, OoxmlEscapes) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"plain", "plain"},           {"a_x000D_b", "a\rb"},   {"_x000D__x000A_", "\r\n"},
        {"_x005F_x000D_", "_x000D_"}, {"_x4E2D_文", "中文"},   {"_xD83D__xDE00_", "\xF0\x9F\x98\x80"},
        {"_xD83D_", "\xEF\xBF\xBD"},  {"_x00e9_", "\xC3\xA9"}, {"_x12_ _xZZZZ_ _x000D", "_x12_ _xZZZZ_ _x000D"},
    };
    for (const auto& [in, out] : cases) {
        std::string text = in;
        decode_ooxml_escapes(text);
        EXPECT_EQ(text, out) << in;
    }
}

TEST(XlsxStyles, DateFormatCodes) {
    const std::vector<std::pair<std::string, bool>> cases = {
        {"yyyy-mm-dd", true},
        {"yyyy\"年\"m\"月\"d\"日\"", true},
        {"[$-804]yyyy\"年\"m\"月\";@", true},
        {"h:mm:ss AM/PM", true},
        {"mm:ss.0", true},
        {"[h]:mm", true},
        {"DD/MM/YYYY", true},
        {"General", false},
        {"0.00", false},
        {"#,##0.00_);[Red]\\(#,##0.00\\)", false},
        {"0.00\"d\"", false},
        {"\\d0", false},
        {"[Red][<=100]0;[Blue]0", false},
        {"0.00E+00", false},
        {"@", false},
        {"_-* #,##0_-;\\-* #,##0_-", false},
        {"\"unterminated", false},
    };
    for (const auto& [code, date] : cases) EXPECT_EQ(is_date_format_code(code), date) << code;
    for (int id : {14, 17, 22, 27, 31, 36, 45, 47, 50, 58}) EXPECT_TRUE(is_builtin_date_format(id)) << id;
    for (int id : {0, 1, 4, 10, 13, 23, 37, 44, 49, 59, 164}) EXPECT_FALSE(is_builtin_date_format(id)) << id;
}

TEST(XlsxStyles, PercentageFormatsAreThoseShowingAPercentSign) {
    const std::pair<const char*, bool> cases[] = {
        {"0%", true},        {"0.0%", true},           {"#,##0.00%", true},   {"0%;[Red]-0%", true},
        {"0.00", false},     {"\"%\"0", false},        {"0\\%", false},      {"[$%-804]0", false},
        {"General", false},  {"\"unterminated%", false},
    };
    for (const auto& [code, percent] : cases) EXPECT_EQ(is_percent_format_code(code), percent) << code;
    EXPECT_TRUE(is_builtin_percent_format(9));
    EXPECT_TRUE(is_builtin_percent_format(10));
    for (int id : {0, 2, 11, 14, 164}) EXPECT_FALSE(is_builtin_percent_format(id)) << id;
}

TEST(XlsxWorkbook, RelationshipTargets) {
    EXPECT_EQ(resolve_part("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    EXPECT_EQ(resolve_part("xl/", "/xl/styles.xml"), "xl/styles.xml");
    EXPECT_EQ(resolve_part("xl/", "../xl/./a//b.xml"), "xl/a/b.xml");
    EXPECT_EQ(resolve_part("", "xl/workbook.xml"), "xl/workbook.xml");
    EXPECT_EQ(resolve_part("xl/", "../../etc/passwd"), "");
}

}  // namespace sheet_parts_test
}  // namespace sanpi::sheet
