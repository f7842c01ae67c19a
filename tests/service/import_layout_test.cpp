// Reading the tables zones send: header text, the alias table, units, where the header is.
#include <gtest/gtest.h>

#include "service/import_columns.hpp"
#include "service/import_layout.hpp"
#include "service/import_text.hpp"
#include "service/import_rows.hpp"

namespace sanpi::service {
namespace {

using domain::MoneyUnit;
using import_test::row;

TEST(ImportText, CleansLineBreaksStraySpacesAndFullWidth) {
    EXPECT_EQ(clean_cell_text("  山西 晋中\n年产１０万吨 项目\r\n "), "山西晋中年产10万吨项目");
    EXPECT_EQ(clean_cell_text("ABC  Co.  Ltd"), "ABC Co. Ltd");
    EXPECT_EQ(clean_cell_text("年产 10 万吨"), "年产10万吨");
    // A space is kept between two ASCII words whatever blanks stand there; a tab or line break
    // alone joins them.
    EXPECT_EQ(clean_cell_text(" Phase \r\n 2 \t"), "Phase 2");
    EXPECT_EQ(clean_cell_text("Phase\t2\nB"), "Phase2B");
    EXPECT_EQ(clean_cell_text("二期 B 区"), "二期B区");
    // What is stored keeps Chinese punctuation as typed; only letters, digits and spaces fold.
    EXPECT_EQ(tidy_cell_text(" 新建生产线（模拟数据）、\n配套ＡＢ１２ "), "新建生产线（模拟数据）、配套AB12");
    EXPECT_EQ(clean_cell_text("新建生产线（模拟数据）"), "新建生产线(模拟数据)");
    EXPECT_EQ(match_key(" *项目\n名称："), "项目名称");
    EXPECT_EQ(match_key("Total Investment"), "totalinvestment");
    const auto split = split_header_note("总投资（亿元）");
    EXPECT_EQ(split.label, "总投资");
    EXPECT_EQ(split.note, "亿元");
}

TEST(ImportColumns, HeadersMatchTheAliasTableWithTheirUnits) {
    const auto total = match_header("总投资（亿元）");
    ASSERT_TRUE(total);
    EXPECT_EQ(total->field, ImportField::kTotalInvestment);
    EXPECT_EQ(total->unit, MoneyUnit::kYi);
    const auto annual = match_header("年度计划投资\n(万元)");
    ASSERT_TRUE(annual);
    EXPECT_EQ(annual->field, ImportField::kAnnualPlannedInvestment);
    EXPECT_EQ(annual->unit, MoneyUnit::kWan);
    const auto english = match_header("Total investment (100m yuan)");
    ASSERT_TRUE(english);
    EXPECT_EQ(english->field, ImportField::kTotalInvestment);
    EXPECT_EQ(english->unit, MoneyUnit::kYi);
    EXPECT_EQ(match_header("总 投 资")->unit, std::nullopt);
    EXPECT_EQ(match_header("项目名称")->field, ImportField::kName);
    EXPECT_EQ(match_header("Project name")->field, ImportField::kName);
    EXPECT_EQ(match_header("计划开工时间")->field, ImportField::kPlannedStart);
    EXPECT_EQ(match_header("统一社会信用代码")->field, ImportField::kCreditCode);
    EXPECT_EQ(match_header("序号")->field, ImportField::kSerial);
    EXPECT_FALSE(match_header("投资情况"));
    EXPECT_FALSE(match_header("联系电话"));
    EXPECT_TRUE(is_group_label("投资情况"));
    EXPECT_TRUE(is_group_label("时间 安排"));
}

TEST(ImportColumns, UnitLinesStateTheTablesUnit) {
    EXPECT_EQ(unit_line("单位：亿元"), MoneyUnit::kYi);
    EXPECT_EQ(unit_line("金额单位:万元"), MoneyUnit::kWan);
    EXPECT_EQ(unit_line("填报单位：晋中经开区 单位：万元"), MoneyUnit::kWan);
    EXPECT_EQ(unit_line("Unit: 100m yuan"), MoneyUnit::kYi);
    EXPECT_EQ(unit_line("填报单位：晋中经济技术开发区"), std::nullopt);
    EXPECT_EQ(unit_line("2022年第二批项目"), std::nullopt);
}

// As zones send it: a title, a 填报单位 / 单位 line, a two-row header whose single columns are
// merged down both rows and whose groups are merged across.
TEST(ImportLayout, FindsATwoRowHeaderUnderATitleAndAUnitLine) {
    const std::vector<sheet::Row> top{
        row(1, {{0, "2022年第二批“三个一批”签约项目表"}}),
        row(2, {{0, "填报单位：晋中经济技术开发区"}, {6, "单位：亿元"}}),
        row(3, {{0, "序号"}, {1, "项目名称"}, {2, "投资主体"}, {3, "投资情况"}, {5, "时间安排"}, {7, "备注"}}),
        row(4, {{3, "总投资"}, {4, "年度计划投资\n（万元）"}, {5, "计划开工"}, {6, "计划投产"}}),
        row(5, {{0, "1"}, {1, "年产10万吨新材料项目"}}),
    };
    const std::vector<sheet::MergedRange> merges{{1, 1, 0, 7}, {3, 4, 0, 0}, {3, 4, 1, 1}, {3, 3, 3, 4}, {3, 3, 5, 6}};
    const auto layout = find_layout(top, merges);
    ASSERT_TRUE(layout) << layout.error().message.en;
    EXPECT_EQ(layout->header_first_row, 3);
    EXPECT_EQ(layout->header_last_row, 4);
    EXPECT_EQ(layout->title, "2022年第二批“三个一批”签约项目表");
    EXPECT_EQ(layout->table_unit, MoneyUnit::kYi);
    std::vector<std::pair<int, ImportField>> got;
    for (const auto& c : layout->columns) got.emplace_back(c.column, c.field);
    EXPECT_EQ(got, (std::vector<std::pair<int, ImportField>>{{0, ImportField::kSerial},
                                                             {1, ImportField::kName},
                                                             {2, ImportField::kEnterprise},
                                                             {3, ImportField::kTotalInvestment},
                                                             {4, ImportField::kAnnualPlannedInvestment},
                                                             {5, ImportField::kPlannedStart},
                                                             {6, ImportField::kPlannedProduction},
                                                             {7, ImportField::kRemarks}}));
    EXPECT_EQ(layout->unit_of(*layout->find(ImportField::kTotalInvestment)), MoneyUnit::kYi);  // the unit line
    EXPECT_EQ(layout->unit_of(*layout->find(ImportField::kAnnualPlannedInvestment)), MoneyUnit::kWan);  // its own
    EXPECT_EQ(layout->find(ImportField::kTotalInvestment)->header, "投资情况 / 总投资");
}

// CSV has no merges: a group label stands over its first column only and the rest are empty.
TEST(ImportLayout, ReadsTwoRowHeadersWithoutMergeInformation) {
    const std::vector<sheet::Row> top{
        row(1, {{0, "序号"}, {1, "项目名称"}, {2, "投资情况"}, {4, "所属开发区"}}),
        row(2, {{2, "总投资"}, {3, "年度计划投资"}}),
    };
    const auto layout = find_layout(top, {});
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->header_last_row, 2);
    EXPECT_EQ(layout->columns.size(), 5u);
    EXPECT_EQ(layout->unit_of(*layout->find(ImportField::kTotalInvestment)), MoneyUnit::kWan);  // no unit stated
}

TEST(ImportLayout, AOneRowHeaderUnderATitleIsOneRowAndUnknownHeadersAreListed) {
    const std::vector<sheet::Row> top{
        row(1, {{0, "项目清单"}}),
        row(2, {{0, "Project name"}, {1, "Zone"}, {2, "Total investment (10k yuan)"}, {3, "联系电话"}, {4, "项目名称"}}),
        row(3, {{0, "A"}, {1, "B"}}),
    };
    const auto layout = find_layout(top, {});
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->header_first_row, 2);
    EXPECT_EQ(layout->header_last_row, 2);
    EXPECT_EQ(layout->title, "项目清单");
    ASSERT_EQ(layout->ignored.size(), 2u);
    EXPECT_EQ(layout->ignored[0].header, "联系电话");
    EXPECT_FALSE(layout->ignored[0].repeated);
    EXPECT_EQ(layout->ignored[1].column, 4);
    EXPECT_TRUE(layout->ignored[1].repeated);
}

TEST(ImportLayout, ATableWithoutAHeaderIsRefusedNamingTheFile) {
    const std::vector<sheet::Row> top{row(1, {{0, "随便写的"}}), row(2, {{0, "项目名称"}, {1, "电话"}})};
    const auto layout = find_layout(top, {});
    ASSERT_FALSE(layout);
    EXPECT_EQ(layout.error().fields.at(0).field, "file");
    EXPECT_NE(layout.error().fields.at(0).message.zh.find("表头"), std::string::npos);
}

TEST(ImportLayout, ColumnLettersAreTheSpreadsheets) {
    EXPECT_EQ(column_letter(0), "A");
    EXPECT_EQ(column_letter(25), "Z");
    EXPECT_EQ(column_letter(26), "AA");
    EXPECT_EQ(column_letter(16383), "XFD");
}

}  // namespace
}  // namespace sanpi::service
