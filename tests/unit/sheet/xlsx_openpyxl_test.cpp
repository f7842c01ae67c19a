// Workbooks written by an independent writer, Debian's python3-openpyxl, read back.
#include <gtest/gtest.h>

#include <cstdlib>

#include "sheet/sheet_reader.hpp"
#include "sheet_test_support.hpp"
#include "support/xlsx_fixture.hpp"

namespace sanpi::sheet {
namespace xlsx_openpyxl_test {

using namespace sanpi::sheet::test;
using ::sanpi::testing::TempDir;

std::unique_ptr<SheetReader> written_by_openpyxl(const TempDir& dir, const std::string& variant) {
    const std::string path = dir.file("openpyxl.xlsx");
    const std::string command =
        std::string(SANPI_PYTHON) + " " + SANPI_TEST_FIXTURES + "/openpyxl_workbook.py " + path + " " + variant;
    if (std::system(command.c_str()) != 0) {
        ADD_FAILURE() << "openpyxl could not write the workbook (is python3-openpyxl installed?): " << command;
        return nullptr;
    }
    auto opened = open_sheet(path);
    EXPECT_TRUE(opened) << open_error(opened);
    return opened ? std::move(*opened) : nullptr;
}

TEST(XlsxOpenpyxl, MergedHeaderDatesSheetsAndChineseText) {
    TempDir dir;
    auto reader = written_by_openpyxl(dir, "1900");
    ASSERT_TRUE(reader);
    EXPECT_FALSE(reader->date1904());
    ASSERT_EQ(reader->sheets().size(), 2u);
    EXPECT_EQ(reader->sheets()[0].name, "项目表");
    EXPECT_EQ(reader->sheets()[1].name, "English");

    const auto back = read_all(*reader, 0);
    ASSERT_EQ(back.error_en, "");
    auto merges = reader->sheets()[0].merges;
    std::sort(merges.begin(), merges.end(), [](const MergedRange& a, const MergedRange& b) {
        return std::tie(a.first_row, a.first_column) < std::tie(b.first_row, b.first_column);
    });
    EXPECT_EQ(merges, (std::vector<MergedRange>{{1, 1, 0, 4}, {2, 3, 0, 0}, {2, 3, 1, 1}, {2, 2, 2, 3}, {2, 3, 4, 4}}));
    ASSERT_EQ(back.rows.size(), 6u);
    EXPECT_EQ(back.rows[0], (Row{1, {text(0, "山西省开发区“三个一批”项目表")}}));
    EXPECT_EQ(back.rows[1], (Row{2, {text(0, "序号"), text(1, "项目名称"), text(2, "投资情况"), text(4, "省重点")}}));
    EXPECT_EQ(back.rows[2], (Row{3, {text(2, "总投资（亿元）"), text(3, "计划开工")}}));
    ASSERT_EQ(back.rows[3].cells.size(), 5u);
    EXPECT_EQ(back.rows[3].number, 4);
    EXPECT_EQ(back.rows[3].cells[0], number(0, "1"));
    EXPECT_EQ(back.rows[3].cells[1], text(1, "晋中 煤化工\n一期"));
    EXPECT_EQ(back.rows[3].cells[2], number(2, "12.5"));
    EXPECT_EQ(back.rows[3].cells[3].kind, CellKind::kNumber);
    EXPECT_TRUE(back.rows[3].cells[3].date_style);
    EXPECT_EQ(date_from_serial(back.rows[3].cells[3].text, false)->iso(), "2022-06-30");
    EXPECT_EQ(back.rows[3].cells[4], boolean(4, "1"));
    EXPECT_EQ(back.rows[4].cells[4], boolean(4, "0"));
    EXPECT_EQ(back.rows[5].number, 6);
    EXPECT_EQ(back.rows[5].cells.at(0), text(0, "合计"));

    Cell built_in = number(3, "0.45"), custom = number(4, "0.455");
    built_in.percent_style = custom.percent_style = true;
    EXPECT_EQ(read_all(*reader, 1).rows,
              (std::vector<Row>{{2, {text(1, "Coal chemicals"), number(2, "-0.25"), built_in, custom}}}));
}

TEST(XlsxOpenpyxl, Workbook1904) {
    TempDir dir;
    auto reader = written_by_openpyxl(dir, "1904");
    ASSERT_TRUE(reader);
    EXPECT_TRUE(reader->date1904());
    const auto back = read_all(*reader, 0);
    ASSERT_EQ(back.error_en, "");
    ASSERT_GE(back.rows.size(), 5u);
    const Cell& june = back.rows[3].cells.at(3);
    EXPECT_TRUE(june.date_style);
    EXPECT_EQ(date_from_serial(june.text, true)->iso(), "2022-06-30");
    EXPECT_EQ(back.rows[4].cells.at(3).text, "1");  // 1904-01-02
    EXPECT_EQ(date_from_serial(back.rows[4].cells.at(3).text, true)->iso(), "1904-01-02");
}

}  // namespace xlsx_openpyxl_test
}  // namespace sanpi::sheet
