// Cell values as an import reads them: amounts in a column's unit or the cell's own, dates in
// every form tables use, names matched to the catalogue, 合计 rows checked.
#include <gtest/gtest.h>

#include "service/import_cells.hpp"
#include "service/import_lookup.hpp"
#include "service/import_rows.hpp"
#include "service/import_totals.hpp"

namespace sanpi::service {
namespace {

using domain::Money;
using domain::MoneyUnit;
using import_test::number;
using import_test::row;

sheet::Cell text_cell(std::string text) { return {0, sheet::CellKind::kText, std::move(text), false}; }
sheet::Cell number_cell(std::string text, bool date_style = false) {
    return {0, sheet::CellKind::kNumber, std::move(text), date_style};
}

TEST(ImportCells, NumbersAreReadExactlyInTheColumnsUnitAndExcelNoiseIsRoundedToAFen) {
    EXPECT_EQ(read_money(number_cell("12.5"), MoneyUnit::kYi, "total_investment")->fen(), 125'000'000'000);
    EXPECT_EQ(read_money(number_cell("1.5E-3"), MoneyUnit::kWan, "total_investment")->fen(), 1'500);
    EXPECT_EQ(read_money(number_cell("0.30000000000000004"), MoneyUnit::kYi, "x")->fen(), 3'000'000'000);
    EXPECT_EQ(read_money(number_cell("12.345"), MoneyUnit::kYuan, "x")->fen(), 1'235);
    EXPECT_EQ(read_money(number_cell("3E+2"), MoneyUnit::kYuan, "x")->fen(), 30'000);
    EXPECT_EQ(read_money(number_cell("10000"), MoneyUnit::kYi, "x")->fen(), domain::kMaxAmount.fen());
    const auto over = read_money(number_cell("10000.01"), MoneyUnit::kYi, "total_investment");
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().fields.at(0).field, "total_investment");
    EXPECT_FALSE(read_money(number_cell("-1"), MoneyUnit::kYi, "x"));
    // A stated 合计 may pass the cap on one amount.
    const auto total = read_money(number_cell("14239.8066"), MoneyUnit::kYi, "total_investment", true);
    ASSERT_TRUE(total);
    EXPECT_EQ(total->to_decimal(MoneyUnit::kYi), "14239.8066");
    EXPECT_FALSE(read_money(number_cell("1e999999"), MoneyUnit::kYi, "x"));
}

sheet::Cell percent_cell(std::string text) {
    sheet::Cell c{0, sheet::CellKind::kNumber, std::move(text), false};
    c.percent_style = true;
    return c;
}

TEST(ImportCells, AReportsMonthInEveryFormTablesUse) {
    struct Case {
        sheet::Cell cell;
        const char* month;  // "" : refused
    };
    const Case cases[] = {
        {text_cell("2022.06"), "2022-06"},       {number_cell("2022.06"), "2022-06"},
        {text_cell("202206"), "2022-06"},        {number_cell("202206"), "2022-06"},
        {text_cell("2022年6月"), "2022-06"},     {text_cell("２０２２年６月"), "2022-06"},
        {text_cell("2022-06"), "2022-06"},       {text_cell("2022-06-30"), "2022-06"},
        {text_cell("2022/6/30"), "2022-06"},     {number_cell("44742", true), "2022-06"},
        {number_cell("44713", true), "2022-06"}, {text_cell("2022年13月"), ""},
        {text_cell("六月"), ""},                 {text_cell("202213"), ""},
    };
    for (const auto& c : cases) {
        const auto month = read_month(c.cell, false, "month");
        if (*c.month == '\0') {
            ASSERT_FALSE(month) << c.cell.text;
            EXPECT_EQ(month.error().fields.at(0).field, "month") << c.cell.text;
        } else {
            ASSERT_TRUE(month) << c.cell.text;
            EXPECT_EQ(month->to_string(), c.month) << c.cell.text;
        }
    }
}

TEST(ImportCells, APercentageAsTypedOrAsAPercentageCell) {
    struct Case {
        sheet::Cell cell;
        int percent;  // -1: refused
    };
    const Case cases[] = {
        {text_cell("45"), 45},        {text_cell("45%"), 45},       {text_cell("４５％"), 45},
        {text_cell("45 %"), 45},      {number_cell("45"), 45},      {number_cell("45.0"), 45},
        {percent_cell("0.45"), 45},   {percent_cell("1"), 100},     {percent_cell("0.45000000000000001"), 45},
        {percent_cell("0"), 0},       {text_cell("100%"), 100},     {text_cell("150%"), 150},  // range: the API's
        {number_cell("0.45"), -1},    {text_cell("45.5%"), -1},     {percent_cell("0.455"), -1},
        {percent_cell("0.44999999999999996"), 45}, {text_cell("0.45000000000000001"), -1}, {text_cell("-5"), -1},        {text_cell("四成"), -1},      {text_cell("45%%"), -1},
    };
    for (const auto& c : cases) {
        const auto percent = read_percent(c.cell, "percent_complete");
        if (c.percent < 0) {
            ASSERT_FALSE(percent) << c.cell.text;
            EXPECT_EQ(percent.error().fields.at(0).field, "percent_complete");
        } else {
            ASSERT_TRUE(percent) << c.cell.text << ": " << percent.error().message.en;
            EXPECT_EQ(*percent, c.percent) << c.cell.text;
        }
    }
}

TEST(ImportCells, AnAmountTypedWithItsOwnUnitKeepsIt) {
    EXPECT_EQ(read_money(text_cell("3000万元"), MoneyUnit::kYi, "x")->fen(), 3'000'000'000);
    EXPECT_EQ(read_money(text_cell("１２.５"), MoneyUnit::kYi, "x")->fen(), 125'000'000'000);
    const auto bad = read_money(text_cell("约12亿"), MoneyUnit::kYi, "total_investment");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.at(0).field, "total_investment");
}

TEST(ImportCells, DatesInEveryFormTablesUse) {
    const auto iso = [](const Result<domain::Date::Parsed>& r) { return r ? r->date.iso() : "error"; };
    EXPECT_EQ(iso(read_date(number_cell("44742", true), false, "d")), "2022-06-30");
    EXPECT_EQ(iso(read_date(number_cell("43280", true), true, "d")), "2022-06-30");  // the 1904 system
    EXPECT_EQ(iso(read_date(number_cell("44742.75", true), false, "d")), "2022-06-30");
    EXPECT_EQ(iso(read_date(text_cell("2022.06"), false, "d")), "2022-06-01");
    EXPECT_EQ(iso(read_date(number_cell("2022.06"), false, "d")), "2022-06-01");  // typed, not a serial
    EXPECT_EQ(iso(read_date(text_cell("202206"), false, "d")), "2022-06-01");
    EXPECT_EQ(iso(read_date(number_cell("202206"), false, "d")), "2022-06-01");
    EXPECT_EQ(iso(read_date(text_cell("2022年6月"), false, "d")), "2022-06-01");
    EXPECT_EQ(iso(read_date(text_cell("2022/6/30"), false, "d")), "2022-06-30");
    EXPECT_EQ(read_date(text_cell("202206"), false, "d")->precision, domain::Date::Precision::kMonth);
    const auto feb30 = read_date(text_cell("2022年2月30日"), false, "planned.start");
    ASSERT_FALSE(feb30);
    EXPECT_EQ(feb30.error().fields.at(0).field, "planned.start");
    EXPECT_FALSE(read_date(text_cell("202213"), false, "d"));
    EXPECT_FALSE(read_date(number_cell("60", true), false, "d"));  // Excel's phantom 1900-02-29
}

TEST(ImportCells, CountsAreWholeNumbers) {
    EXPECT_EQ(*read_count(number_cell("120"), "expected_jobs"), 120);
    EXPECT_EQ(*read_count(number_cell("1.2E2"), "expected_jobs"), 120);
    EXPECT_EQ(*read_count(text_cell("１２０"), "expected_jobs"), 120);
    EXPECT_FALSE(read_count(number_cell("12.5"), "expected_jobs"));
    EXPECT_FALSE(read_count(text_cell("很多"), "expected_jobs"));
    EXPECT_FALSE(read_count(number_cell("99999999999"), "expected_jobs"));
}

ImportCatalog shanxi() {
    ImportCatalog c;
    c.province_names = {"山西省"};
    const auto city = [](const char* code) { return domain::RegionCode::parse(code).value(); };
    c.cities = {{city("140700"), "晋中市"}, {city("140200"), "大同市"}, {city("140600"), "朔州市"}};
    c.zones = {{1, "jinzhong-etdz", "晋中经济技术开发区", city("140700")},
               {2, "datong-etdz", "大同经济技术开发区", city("140200")},
               {3, "datong-gxq", "大同高新技术产业开发区", city("140200")},
               {4, "shuozhou-jkq", "朔州经济开发区", city("140600")},
               {5, "shuozhou-x", "朔州经济技术开发区", city("140600")}};
    c.industries = {{"modern_coal_chemical", "现代煤化工", "Modern coal chemicals", 1},
                    {"new_energy", "新能源", "New energy", 2},
                    {"big_data", "大数据", "Big data", 3},
                    {"medicine_health", "现代医药和大健康", "Modern medicine and health", 4}};
    return c;
}

TEST(ImportLookup, IndustriesAsPeopleWriteThem) {
    const auto c = shanxi();
    EXPECT_EQ(*match_industry("医药大健康", c.industries, "industry"), "medicine_health");
    EXPECT_EQ(*match_industry("现代医药和大健康产业", c.industries, "industry"), "medicine_health");
    EXPECT_EQ(*match_industry("新能源产业", c.industries, "industry"), "new_energy");
    EXPECT_EQ(*match_industry("Big Data", c.industries, "industry"), "big_data");
    EXPECT_EQ(*match_industry("煤化工", c.industries, "industry"), "modern_coal_chemical");
    const auto unknown = match_industry("装备", c.industries, "industry");  // alias of a code this catalogue lacks
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().fields.at(0).field, "industry");
    EXPECT_NE(unknown.error().fields.at(0).message.zh.find("装备"), std::string::npos);
}

TEST(ImportLookup, ZonesWithOrWithoutTheProvinceAndInShortForms) {
    const auto c = shanxi();
    const auto id = [&](std::string_view text) {
        auto z = match_zone(text, c, std::nullopt, "zone");
        return z ? (*z)->id : -1;
    };
    EXPECT_EQ(id("晋中经济技术开发区"), 1);
    EXPECT_EQ(id("山西晋中经济技术开发区"), 1);
    EXPECT_EQ(id("山西省晋中经济技术开发区"), 1);
    EXPECT_EQ(id("晋中经开区"), 1);
    EXPECT_EQ(id("大同高新区"), 3);
    EXPECT_EQ(id("datong-etdz"), 2);
    EXPECT_EQ(id("太原经开区"), -1);
    const auto ambiguous = match_zone("朔州经开区", c, std::nullopt, "zone");
    ASSERT_FALSE(ambiguous);
    EXPECT_NE(ambiguous.error().fields.at(0).message.en.find("several"), std::string::npos);
    // A city column narrows the choice.
    EXPECT_FALSE(match_zone("晋中经开区", c, c.cities[1].code, "zone"));
    EXPECT_EQ((*match_city("晋中", c, "city"))->name, "晋中市");
    EXPECT_FALSE(match_city("太原市", c, "city"));
}

// A table's matches, kept per distinct text: the same answers as the matches above, errors
// included, asked again; a zone looked for within a city is kept apart from the same text without.
TEST(ImportLookup, CatalogMatchesAnswerAsTheMatchesDoAndKeepTheirAnswers) {
    const auto c = shanxi();
    CatalogMatches m(c);
    for (int again = 0; again < 2; ++again) {
        EXPECT_EQ(*m.industry("医药大健康"), "medicine_health");
        const auto unknown = m.industry("装备");
        ASSERT_FALSE(unknown);
        EXPECT_EQ(unknown.error().fields.at(0).field, "industry");
        EXPECT_EQ((*m.zone("晋中经开区", std::nullopt))->id, 1);
        EXPECT_FALSE(m.zone("晋中经开区", c.cities[1].code));
        EXPECT_EQ(m.zone("晋中经开区", c.cities[1].code).error().fields.at(0).field, "zone");
        const auto ambiguous = m.zone("朔州经开区", std::nullopt);
        ASSERT_FALSE(ambiguous);
        EXPECT_NE(ambiguous.error().fields.at(0).message.en.find("several"), std::string::npos);
        EXPECT_EQ((*m.city("晋中"))->name, "晋中市");
        EXPECT_EQ(m.city("太原市").error().fields.at(0).field, "city");
    }
}

TEST(ImportTotals, SubtotalsAndTotalsAreCheckedAgainstTheRowsAbove) {
    const std::vector<sheet::Row> top{row(1, {{0, "序号"}, {1, "项目名称"}, {2, "总投资（亿元）"}, {3, "年度计划投资（亿元）"}})};
    const auto layout = find_layout(top, {}).value();
    TotalChecker checker(layout);
    const sheet::Row rows[] = {
        row(2, {number(0, "1"), {1, "甲"}, number(2, "1.5"), number(3, "0.5")}),
        row(3, {number(0, "2"), {1, "乙"}, number(2, "2.5"), {3, "3000万元"}}),
        row(4, {{0, "小 计"}, number(2, "4"), number(3, "0.8")}),
        row(5, {number(0, "3"), {1, "丙"}, number(2, "10"), {3, "不详"}}),
        row(6, {{0, "合计（3个）"}, number(2, "14.1")}),
    };
    for (const auto& r : rows) {
        if (auto label = total_row_label(r, layout)) {
            checker.check(r, *label);
        } else {
            checker.add_row(r);
        }
    }
    EXPECT_FALSE(total_row_label(rows[0], layout));
    ASSERT_EQ(checker.checks().size(), 3u);
    const auto& sub_total = checker.checks()[0];
    EXPECT_EQ(sub_total.row, 4);
    EXPECT_EQ(sub_total.label, "小计");
    EXPECT_EQ(sub_total.field, "total_investment");
    EXPECT_EQ(sub_total.column, "C");
    EXPECT_TRUE(sub_total.agrees());
    const auto& sub_annual = checker.checks()[1];
    EXPECT_EQ(sub_annual.computed, Money::from_fen(8'000'000'000));  // 0.5亿 + 3000万
    EXPECT_TRUE(sub_annual.agrees());
    const auto& total = checker.checks()[2];
    EXPECT_EQ(total.row, 6);
    EXPECT_EQ(total.stated, Money::from_fen(141'000'000'000));
    EXPECT_EQ(total.computed, Money::from_fen(140'000'000'000));
    EXPECT_FALSE(total.agrees());
}

}  // namespace
}  // namespace sanpi::service
