#include "report/xlsx_table.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "unzip.hpp"
#include "xml_check.hpp"

namespace sanpi::report {
namespace xlsx_table_test {

using domain::Money;
using domain::MoneyUnit;

domain::Date ymd(int y, int m, int d) { return domain::Date::from_ymd(y, m, d).value(); }

Money yi(std::string_view text) { return Money::parse(text, MoneyUnit::kYi).value().amount; }

TableSpec small_spec(MoneyUnit unit = MoneyUnit::kYi) {
    TableSpec spec;
    spec.sheet_name = "清单";
    spec.title = "项目清单";
    spec.filled_by = "填报单位：山西省";
    spec.unit_note = "单位：亿元";
    spec.count_suffix = "个项目";
    spec.unit = unit;
    spec.columns = {{"项目名称", "", TableColumnKind::kText},
                    {"总投资", "投资情况", TableColumnKind::kMoney},
                    {"年度计划投资", "投资情况", TableColumnKind::kMoney},
                    {"计划开工", "", TableColumnKind::kDate}};
    return spec;
}

std::string sheet_xml(const std::string& bytes) {
    const auto zip = ::sanpi::testing::unzip(bytes);
    const auto found = zip.parts.find("xl/worksheets/sheet1.xml");
    if (found == zip.parts.end()) {
        ADD_FAILURE() << "no sheet in the workbook";
        return "";
    }
    EXPECT_EQ(::sanpi::testing::xml_problem(found->second), "");
    return found->second;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ExcelSerial, CountsFromExcelsEpochWithItsPhantomLeapDay) {
    EXPECT_EQ(excel_serial(ymd(1900, 1, 1)), 1);
    EXPECT_EQ(excel_serial(ymd(1900, 2, 28)), 59);
    EXPECT_EQ(excel_serial(ymd(1900, 3, 1)), 61);
    EXPECT_EQ(excel_serial(ymd(1970, 1, 1)), 25569);
    EXPECT_EQ(excel_serial(ymd(2022, 6, 22)), 44734);
}

TEST(MoneyFormat, ShowsExactlyTheAmountsPlaces) {
    EXPECT_EQ(money_format(0), "#,##0");
    EXPECT_EQ(money_format(1), "#,##0.0");
    EXPECT_EQ(money_format(10), "#,##0.0000000000");
}

TEST(XlsxTable, TheTotalIsTheExactSumOfTheRows) {
    auto table = XlsxTable::open(small_spec()).value();
    // 0.1 + 0.2 亿元 is 0.3 exactly in fen, as binary floating point would not make it.
    const std::vector<Money> amounts = {yi("0.1"), yi("0.2"), Money::from_fen(1), yi("12.5")};
    for (const auto& m : amounts) {
        ASSERT_TRUE(table->add_row({std::string("项目"), m, std::monostate{}, ymd(2022, 6, 22)}));
    }
    ASSERT_TRUE(table->add_row({std::string("无金额")}));  // the rest blank
    EXPECT_EQ(table->row_count(), 5);
    ASSERT_EQ(table->totals().size(), 4u);
    EXPECT_EQ(table->totals()[1], yi("12.8").checked_add(Money::from_fen(1)).value());
    EXPECT_EQ(table->totals()[1].to_decimal(MoneyUnit::kYi), "12.8000000001");
    EXPECT_TRUE(table->totals()[0].is_zero());
    EXPECT_TRUE(table->totals()[2].is_zero());
    const auto xml = sheet_xml(table->finish().value());
    // Row 10 is the 合计 row (four heading rows, five data rows).
    EXPECT_TRUE(has(xml, "<row r=\"10\"")) << xml;
    EXPECT_TRUE(has(xml, "<t>合计</t>"));
    EXPECT_TRUE(has(xml, "<t>共5个项目</t>"));
    EXPECT_TRUE(has(xml, "<v>12.8000000001</v>")) << xml;
    EXPECT_FALSE(has(xml, "<row r=\"11\""));
}

TEST(XlsxTable, TheLayoutMergesTheTitleUnitLineAndHeaderAndFreezesBelowIt) {
    auto table = XlsxTable::open(small_spec()).value();
    ASSERT_TRUE(table->add_row({std::string("太原项目"), yi("3"), yi("1.25"), ymd(2022, 6, 22)}));
    const auto xml = sheet_xml(table->finish().value());
    for (const char* range : {"A1:E1", "A2:B2", "C2:E2", "C3:D3", "A3:A4", "B3:B4", "E3:E4"}) {
        EXPECT_TRUE(has(xml, std::string("<mergeCell ref=\"") + range + "\"/>")) << range << " in " << xml;
    }
    EXPECT_FALSE(has(xml, "<mergeCell ref=\"C3:C4\"/>"));  // grouped columns are not merged down
    EXPECT_TRUE(has(xml, "ySplit=\"4\" topLeftCell=\"A5\""));
    EXPECT_TRUE(has(xml, "<t>项目清单</t>"));
    EXPECT_TRUE(has(xml, "<t>投资情况</t>"));
    EXPECT_TRUE(has(xml, "<t>年度计划投资</t>"));
    EXPECT_TRUE(has(xml, "<v>44734</v>"));  // the date as a serial
    EXPECT_TRUE(has(xml, "<v>1.25</v>"));
    // 项目名称 and 太原项目 are 8 units wide, the 合计 row's 共1个项目 9: 9 and the padding of 2
    // (libxlsxwriter adds Excel's 0.71 of cell margins); 年度计划投资 12 and the padding.
    EXPECT_TRUE(has(xml, "<col min=\"2\" max=\"2\" width=\"11.7109375\"")) << xml;
    EXPECT_TRUE(has(xml, "<col min=\"4\" max=\"4\" width=\"14.7109375\"")) << xml;
}

TEST(XlsxTable, AGroupHeaderWiderThanItsColumnsWidensTheLast) {
    TableSpec spec = small_spec();
    spec.columns = {{"名称", "", TableColumnKind::kText},
                    {"甲", "一个很长很长的分组标题", TableColumnKind::kText},
                    {"乙", "一个很长很长的分组标题", TableColumnKind::kText}};
    auto table = XlsxTable::open(spec).value();
    const auto xml = sheet_xml(table->finish().value());
    // Each column 6 (the least), the group 22 and the padding: the second column takes 24 - 6.
    EXPECT_TRUE(has(xml, "<col min=\"3\" max=\"3\" width=\"6.7109375\"")) << xml;
    EXPECT_TRUE(has(xml, "<col min=\"4\" max=\"4\" width=\"18.7109375\"")) << xml;
}

TEST(XlsxTable, IntegerColumnsAreSummedExactlyUnlessNotTotalled) {
    TableSpec spec = small_spec();
    spec.columns = {{"地市", "", TableColumnKind::kText},
                    {"项目数", "签约一批", TableColumnKind::kInteger},
                    {"总投资", "签约一批", TableColumnKind::kMoney},
                    {"工程进度（%）", "", TableColumnKind::kInteger, false},
                    {"累计完成投资", "", TableColumnKind::kMoney, false}};
    auto table = XlsxTable::open(spec).value();
    ASSERT_TRUE(table->add_row({std::string("太原市"), std::int64_t{52}, yi("0.1"), std::int64_t{80}, yi("5")}));
    ASSERT_TRUE(table->add_row({std::string("大同市"), std::int64_t{1234}, yi("0.2"), std::int64_t{90}, yi("7")}));
    ASSERT_EQ(table->integer_totals().size(), 5u);
    EXPECT_EQ(table->integer_totals()[1], 1286);
    EXPECT_EQ(table->integer_totals()[3], 0);  // a percentage is not added up
    EXPECT_EQ(table->totals()[2], yi("0.3"));
    EXPECT_TRUE(table->totals()[4].is_zero());  // nor a cumulative amount
    const auto xml = sheet_xml(table->finish().value());
    // Row 7 is the 合计 row: 共2个项目, 1286, 0.3 and two blank cells (bold, bordered).
    const auto total = xml.substr(xml.find("<row r=\"7\""));
    EXPECT_TRUE(has(total, "<t>共2个项目</t>")) << total;
    EXPECT_TRUE(has(total, "<v>1286</v>")) << total;
    EXPECT_TRUE(has(total, "<v>0.3</v>")) << total;
    EXPECT_FALSE(has(total, "<v>170</v>")) << total;
    EXPECT_FALSE(has(total, "<v>12</v>")) << total;
    EXPECT_TRUE(has(xml, "<v>1234</v>"));
}

TEST(XlsxTable, AnIntegerTotalThatOverflowsIsRefused) {
    TableSpec spec = small_spec();
    spec.columns = {{"地市", "", TableColumnKind::kText}, {"项目数", "", TableColumnKind::kInteger}};
    auto table = XlsxTable::open(spec).value();
    ASSERT_TRUE(table->add_row({std::string("甲"), std::numeric_limits<std::int64_t>::max()}));
    EXPECT_FALSE(table->add_row({std::string("乙"), std::int64_t{1}}));
}

TEST(XlsxTable, ASheetHoldsExcelsRowsLessTheHeadingAndTheTotal) {
    EXPECT_EQ(XlsxTable::max_rows(), 1048576 - 4 - 1);
}

TEST(XlsxTable, RefusesATableWithoutColumnsAndAFinishedOne) {
    TableSpec spec = small_spec();
    spec.columns.clear();
    EXPECT_EQ(XlsxTable::open(spec).error().code, ErrorCode::kInvalidInput);
    auto table = XlsxTable::open(small_spec()).value();
    ASSERT_TRUE(table->finish());
    EXPECT_FALSE(table->add_row({std::string("迟到")}));
    EXPECT_FALSE(table->finish());
}

}  // namespace xlsx_table_test
}  // namespace sanpi::report
