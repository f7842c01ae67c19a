// A campaign summary as a table: which rows it has (cities, zones, or the scope alone for a national
// summary that breaks nothing down) and that each batch's two columns carry its figures.
#include "report/summary_table.hpp"

#include <gtest/gtest.h>

namespace sanpi::report {
namespace summary_table_test {

using domain::BatchKind;
using domain::Money;

Money yi(std::int64_t n) { return Money::from_yi_and_fen(n, 0); }

domain::CampaignSummary summary_of(std::vector<domain::BatchSummary> batches) {
    domain::CampaignSummary s;
    s.campaign.id = 7;
    s.campaign.name = "2022年第二次“三个一批”活动";
    s.figures_as_of = domain::Date::from_ymd(2022, 6, 22).value();
    s.batches = std::move(batches);
    return s;
}

domain::BatchSummary batch(BatchKind kind, std::int64_t projects, Money investment) {
    domain::BatchSummary b;
    b.batch = kind;
    b.projects = projects;
    b.total_investment = investment;
    return b;
}

const std::string& text(const TableCell& cell) { return std::get<std::string>(cell); }

TEST(SummaryTable, AProvinceGetsARowPerCityAndTheBatchesSideBySide) {
    auto sign = batch(BatchKind::kSign, 3, yi(30));
    sign.by_city = {{"140100", "太原市", "Taiyuan", 2, yi(20)}, {"140200", "大同市", "Datong", 1, yi(10)}};
    auto start = batch(BatchKind::kStart, 1, yi(5));
    start.by_city = {{"140100", "太原市", "Taiyuan", 0, Money{}}, {"140200", "大同市", "Datong", 1, yi(5)}};
    auto produce = batch(BatchKind::kProduce, 0, Money{});
    produce.by_city = {{"140100", "太原市", "Taiyuan", 0, Money{}}, {"140200", "大同市", "Datong", 0, Money{}}};
    const auto table = summary_table(summary_of({sign, start, produce}), domain::BulletinLang::kZh,
                                     domain::MoneyUnit::kYi, "山西省");
    EXPECT_EQ(table.spec.title, "2022年第二次“三个一批”活动汇总表");
    EXPECT_EQ(table.spec.filled_by, "填报单位：山西省　　日期：2022-06-22");
    ASSERT_EQ(table.spec.columns.size(), 7u);
    EXPECT_EQ(table.spec.columns[0].header, "所属地市");
    EXPECT_EQ(table.spec.columns[3].group, "开工一批");
    EXPECT_EQ(table.spec.columns[3].kind, TableColumnKind::kInteger);
    EXPECT_EQ(table.spec.columns[4].kind, TableColumnKind::kMoney);
    EXPECT_EQ(table.spec.count_suffix, "个地市");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(text(table.rows[0][0]), "太原市");
    EXPECT_EQ(std::get<std::int64_t>(table.rows[0][1]), 2);
    EXPECT_EQ(std::get<Money>(table.rows[1][4]), yi(5));
    EXPECT_EQ(std::get<std::int64_t>(table.rows[1][5]), 0);
}

TEST(SummaryTable, ACityGetsItsZonesWithAnEntryInAnyBatch) {
    auto sign = batch(BatchKind::kSign, 2, yi(3));
    sign.by_city = {{"140100", "太原市", "Taiyuan", 2, yi(3)}};
    sign.by_zone = {{5, "太原经济技术开发区", "140100", 2, yi(3)}};
    auto start = batch(BatchKind::kStart, 1, yi(1));
    start.by_city = {{"140100", "太原市", "Taiyuan", 1, yi(1)}};
    start.by_zone = {{3, "山西转型综合改革示范区", "140100", 1, yi(1)}};
    auto produce = batch(BatchKind::kProduce, 0, Money{});
    produce.by_city = {{"140100", "太原市", "Taiyuan", 0, Money{}}};
    const auto table = summary_table(summary_of({sign, start, produce}), domain::BulletinLang::kEn,
                                     domain::MoneyUnit::kWan, "Taiyuan");
    EXPECT_EQ(table.spec.columns[0].header, "Development zone");
    EXPECT_EQ(table.spec.columns[1].group, "Signed");
    EXPECT_EQ(table.spec.unit_note, "Unit: 10k yuan");
    ASSERT_EQ(table.rows.size(), 2u);  // by zone id within the city: 3, then 5
    EXPECT_EQ(text(table.rows[0][0]), "山西转型综合改革示范区");
    EXPECT_EQ(std::get<std::int64_t>(table.rows[0][1]), 0);
    EXPECT_EQ(std::get<std::int64_t>(table.rows[0][3]), 1);
    EXPECT_EQ(std::get<std::int64_t>(table.rows[1][1]), 2);
}

TEST(SummaryTable, ANationalSummaryIsOneRowOfTheBatchesTotals) {
    const auto table = summary_table(summary_of({batch(BatchKind::kSign, 321, yi(4767)),
                                                 batch(BatchKind::kStart, 302, yi(4391)),
                                                 batch(BatchKind::kProduce, 189, yi(2803))}),
                                     domain::BulletinLang::kZh, domain::MoneyUnit::kYi, "全国");
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(text(table.rows[0][0]), "全国");
    EXPECT_EQ(std::get<std::int64_t>(table.rows[0][1]), 321);
    EXPECT_EQ(std::get<std::int64_t>(table.rows[0][5]), 189);
    EXPECT_EQ(std::get<Money>(table.rows[0][4]), yi(4391));
    EXPECT_EQ(summary_table_file_name(domain::BulletinLang::kEn, domain::Date::from_ymd(2024, 1, 15).value(),
                                      summary_of({}).campaign),
              "2022年第二次“三个一批”活动-summary-2024-01-15.xlsx");
}

}  // namespace summary_table_test
}  // namespace sanpi::report
