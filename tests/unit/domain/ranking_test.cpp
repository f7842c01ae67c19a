// Zone rankings on a small hand-computed dataset: periods, each indicator's fraction, the scaled
// points and scores, the tie rule, the weights' checks; and figures counted from projects' facts.
#include "domain/ranking.hpp"

#include <gtest/gtest.h>

#include "domain/figures_recount.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain {
namespace ranking_test {

using testing::ymd;

constexpr std::int64_t kYi = 10'000'000'000;  // fen in 1 亿元
constexpr std::int64_t kWan = 1'000'000;      // fen in 1 万元

Money yi(std::int64_t n) { return Money::from_fen(n * kYi); }
Money wan(std::int64_t n) { return Money::from_fen(n * kWan); }
Month month(int y, int m) { return Month::from_ym(y, m).value(); }

TEST(RankingPeriodTest, ReadsYearsAndQuartersAndRefusesTheRest) {
    auto q = RankingPeriod::parse("2022Q2");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->first_day(), ymd(2022, 4, 1));
    EXPECT_EQ(q->last_day(), ymd(2022, 6, 30));
    EXPECT_EQ(q->previous(), (RankingPeriod{2022, 1}));
    EXPECT_EQ(q->to_string(), "2022Q2");
    auto year = RankingPeriod::parse("2022");
    ASSERT_TRUE(year);
    EXPECT_EQ(year->first_day(), ymd(2022, 1, 1));
    EXPECT_EQ(year->last_day(), ymd(2022, 12, 31));
    EXPECT_EQ(year->previous(), (RankingPeriod{2021, 0}));
    EXPECT_EQ(RankingPeriod::parse("2022q4")->last_day(), ymd(2022, 12, 31));
    EXPECT_EQ(RankingPeriod::parse("2022Q1")->previous(), (RankingPeriod{2021, 4}));
    // The last year a date holds (a fuzz finding: its last day was computed from a day of 3000).
    EXPECT_EQ(RankingPeriod::parse("2999")->last_day(), ymd(2999, 12, 31));
    EXPECT_EQ(RankingPeriod::parse("2999Q4")->last_day(), ymd(2999, 12, 31));
    EXPECT_EQ(RankingPeriod::parse("2999Q3")->last_day(), ymd(2999, 9, 30));
    EXPECT_EQ(RankingPeriod::parse("2024Q1")->last_day(), ymd(2024, 3, 31));
    for (const char* bad : {"", "22", "2022Q", "2022Q5", "2022Q0", "2022-2", "20x2", "1999", "2022H1", "2022Q12"}) {
        auto r = RankingPeriod::parse(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().fields.at(0).field, "period") << bad;
    }
}

TEST(RankingWeightsTest, DefaultsAddUpAndBadWeightsAreNamed) {
    EXPECT_TRUE(validate_ranking_weights(RankingWeights::defaults()).empty());
    auto w = RankingWeights::defaults();
    w.weights[0] = 21;
    auto problems = validate_ranking_weights(w);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "weights");
    EXPECT_NE(problems[0].message.en.find("101"), std::string::npos);
    w.weights[0] = -1;
    w.weights[7] = 101;
    problems = validate_ranking_weights(w);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "weights.signed_investment");
    EXPECT_EQ(problems[1].field, "weights.tax_per_mu");
}

// Three zones in 2022Q2 (see each indicator's comment for the fraction it must be).
struct World {
    std::vector<ProjectFacts> projects;
    std::vector<RankingReport> reports;
    std::vector<RankingItem> items;
};

World world() {
    World w;
    ProjectFacts p1;  // zone 1: signed in the quarter, started, 100 亩 with 2021 figures
    p1.id = 1;
    p1.zone_id = 1;
    p1.total_investment = yi(10);
    p1.annual_planned_investment = yi(2);
    p1.land_area_centimu = 100 * 100;
    p1.signed_on = ymd(2022, 4, 10);
    p1.started_on = ymd(2022, 5, 1);
    p1.realised[2021] = {wan(5000), wan(500)};
    ProjectFacts p2;  // zone 1: signed before the quarter, not started
    p2.id = 2;
    p2.zone_id = 1;
    p2.total_investment = yi(5);
    p2.annual_planned_investment = yi(1);
    p2.signed_on = ymd(2022, 1, 5);
    ProjectFacts p3;  // zone 2: signed, started and producing in the quarter, 200 亩
    p3.id = 3;
    p3.zone_id = 2;
    p3.total_investment = yi(20);
    p3.annual_planned_investment = yi(4);
    p3.land_area_centimu = 200 * 100;
    p3.signed_on = ymd(2022, 5, 20);
    p3.started_on = ymd(2022, 6, 1);
    p3.producing_on = ymd(2022, 6, 30);
    p3.realised[2021] = {wan(8000), wan(1200)};
    p3.realised[2022] = {wan(90000), wan(9000)};  // not the year a quarter of 2022 reads
    ProjectFacts p4;                              // zone 2: cancelled, counts in nothing
    p4.id = 4;
    p4.zone_id = 2;
    p4.status = ProjectStatus::kCancelled;
    p4.total_investment = yi(100);
    p4.signed_on = ymd(2022, 4, 1);
    p4.started_on = ymd(2022, 4, 2);
    w.projects = {p1, p2, p3, p4};
    w.reports = {{1, month(2022, 3), yi(1), true},  {1, month(2022, 5), Money::from_fen(kYi / 2), true},
                 {1, month(2022, 6), yi(1), false},                                    // not approved
                 {3, month(2022, 6), yi(3), true},  {3, month(2022, 7), yi(3), true},  // after the quarter
                 {4, month(2022, 5), yi(9), true}};                                    // a cancelled project's
    w.items = {{2, ymd(2022, 5, 31), ymd(2022, 5, 31)},  // settled on its deadline: on time
               {1, ymd(2022, 6, 15), ymd(2022, 6, 16)},  // a day late
               {3, ymd(2022, 3, 31), std::nullopt},      // due before the quarter
               {3, ymd(2022, 6, 10), std::nullopt}};     // due, not settled
    return w;
}

void expect_value(const ZoneMeasure& m, RankingIndicator i, std::int64_t num, std::int64_t den) {
    EXPECT_EQ(m[i].numerator, num) << "zone " << m.zone_id << " indicator " << static_cast<int>(i);
    EXPECT_EQ(m[i].denominator, den) << "zone " << m.zone_id << " indicator " << static_cast<int>(i);
}

TEST(RankingTest, MeasuresEachIndicatorAsItsFraction) {
    const World w = world();
    const auto m = measure_zones({1, 2, 3}, {2022, 2}, ymd(2022, 6, 30), w.projects, w.reports, w.items);
    ASSERT_EQ(m.size(), 3u);
    using I = RankingIndicator;
    expect_value(m[0], I::kSignedInvestment, 10 * kYi, 1);
    expect_value(m[0], I::kStartRate, 1, 2);
    expect_value(m[0], I::kProductionRate, 0, 1);
    expect_value(m[0], I::kCapacityRate, 0, 0);
    expect_value(m[0], I::kInvestmentCompletion, kYi + kYi / 2, 3 * kYi);
    expect_value(m[0], I::kCoordinationOnTime, 1, 2);
    expect_value(m[0], I::kOutputPerMu, 5000 * kWan, 100 * 100);
    expect_value(m[0], I::kTaxPerMu, 500 * kWan, 100 * 100);
    expect_value(m[1], I::kSignedInvestment, 20 * kYi, 1);
    expect_value(m[1], I::kStartRate, 1, 1);
    expect_value(m[1], I::kProductionRate, 1, 1);
    expect_value(m[1], I::kCapacityRate, 0, 1);
    expect_value(m[1], I::kInvestmentCompletion, 3 * kYi, 4 * kYi);
    expect_value(m[1], I::kCoordinationOnTime, 0, 1);
    expect_value(m[1], I::kOutputPerMu, 8000 * kWan, 200 * 100);
    expect_value(m[1], I::kTaxPerMu, 1200 * kWan, 200 * 100);
    for (const auto& v : m[2].values) EXPECT_EQ(v.numerator, 0);
}

TEST(RankingTest, ScoresAgainstTheBestZoneAndRanks) {
    const World w = world();
    const auto m = measure_zones({1, 2, 3}, {2022, 2}, ymd(2022, 6, 30), w.projects, w.reports, w.items);
    const auto ranked = rank_zones(m, RankingWeights::defaults());
    ASSERT_EQ(ranked.size(), 3u);
    // Zone 2: the best of signed investment (20), start (15), production (15), completion (15)
    // and tax per 亩 (5); output per 亩 8000/200 of zone 1's 5000/100: 0.8 × 10 = 8.
    EXPECT_EQ(ranked[0].zone_id, 2);
    EXPECT_EQ(ranked[0].rank, 1);
    EXPECT_EQ(ranked[0].score_micro, 78'000'000);
    EXPECT_EQ(score_text(ranked[0].score_micro), "78.00");
    // Zone 1: 10/20 × 20 = 10; 0.5 × 15 = 7.5; completion 0.5 of 0.75 × 15 = 10; on time 10; output
    // 10; tax 5/6 × 5 = 4.1666667 (rounded half up to the millionth). No zone scores capacity (the
    // best is zero).
    EXPECT_EQ(ranked[1].zone_id, 1);
    EXPECT_EQ(ranked[1].points_micro[static_cast<std::size_t>(RankingIndicator::kTaxPerMu)], 4'166'667);
    EXPECT_EQ(ranked[1].score_micro, 51'666'667);
    EXPECT_EQ(score_text(ranked[1].score_micro), "51.67");
    EXPECT_EQ(ranked[2].zone_id, 3);
    EXPECT_EQ(ranked[2].score_micro, 0);
    EXPECT_EQ(ranked[2].rank, 3);
}

TEST(RankingTest, AnAsOfDayInsideThePeriodCountsOnlyWhatHappenedByThen) {
    const World w = world();
    // By 2022-05-31 zone 2's project had signed but not started, and nothing was yet due but the
    // item settled that day.
    const auto m = measure_zones({1, 2}, {2022, 2}, ymd(2022, 5, 31), w.projects, w.reports, w.items);
    expect_value(m[1], RankingIndicator::kStartRate, 0, 1);
    expect_value(m[1], RankingIndicator::kInvestmentCompletion, 0, 4 * kYi);
    expect_value(m[0], RankingIndicator::kCoordinationOnTime, 1, 1);
}

TEST(RankingTest, TiesGoToTheLargerSignedInvestmentThenTheLowerZoneId) {
    ZoneMeasure a{7, {}}, b{5, {}}, c{9, {}};
    a.values[static_cast<std::size_t>(RankingIndicator::kStartRate)] = {1, 1};
    b.values[static_cast<std::size_t>(RankingIndicator::kStartRate)] = {2, 2};
    c.values[static_cast<std::size_t>(RankingIndicator::kStartRate)] = {3, 3};
    c.values[static_cast<std::size_t>(RankingIndicator::kSignedInvestment)] = {0, 1};
    a.values[static_cast<std::size_t>(RankingIndicator::kSignedInvestment)] = {0, 1};
    b.values[static_cast<std::size_t>(RankingIndicator::kSignedInvestment)] = {0, 1};
    auto w = RankingWeights::defaults();
    w.weights = {0, 100, 0, 0, 0, 0, 0, 0};
    auto ranked = rank_zones({a, b, c}, w);
    ASSERT_EQ(ranked.size(), 3u);
    EXPECT_EQ(ranked[0].score_micro, ranked[2].score_micro);  // all 100 points
    EXPECT_EQ(ranked[0].zone_id, 5);
    EXPECT_EQ(ranked[1].zone_id, 7);
    EXPECT_EQ(ranked[2].zone_id, 9);
    a.values[static_cast<std::size_t>(RankingIndicator::kSignedInvestment)] = {1, 1};
    ranked = rank_zones({a, b, c}, w);
    EXPECT_EQ(ranked[0].zone_id, 7);  // now weighs nothing, but breaks the tie
}

TEST(FiguresRecountTest, CountsStagesIndustriesAndOnTimeLikeTheStore) {
    ProjectFacts a;
    a.id = 1;
    a.zone_id = 3;
    a.industry_code = "new_energy";
    a.stage = Stage::kStarted;
    a.total_investment = yi(2);
    a.started_on = ymd(2022, 5, 1);
    a.planned_start = ymd(2022, 5, 1);  // on time: the same day
    ProjectFacts b = a;
    b.id = 2;
    b.planned_start = ymd(2022, 4, 30);  // late
    ProjectFacts c = a;
    c.id = 3;
    c.planned_start.reset();  // unknown: not on time
    c.industry_code = "big_data";
    c.status = ProjectStatus::kSuspended;
    const auto figures = count_figures({a, b, c});
    ASSERT_EQ(figures.stages.size(), 2u);
    EXPECT_EQ(figures.stages[0].status, ProjectStatus::kActive);
    EXPECT_EQ(figures.stages[0].projects, 2);
    EXPECT_EQ(figures.stages[0].investment, yi(4));
    EXPECT_EQ(figures.stages[0].started_on_time, 1);
    EXPECT_EQ(figures.stages[1].status, ProjectStatus::kSuspended);
    EXPECT_EQ(figures.stages[1].started_on_time, 0);
    ASSERT_EQ(figures.industries.size(), 2u);
    EXPECT_EQ(figures.industries[0].industry_code, "big_data");
    EXPECT_EQ(figures.industries[1].industry_code, "new_energy");
    EXPECT_EQ(figures.industries[1].projects, 2);
}

}  // namespace ranking_test
}  // namespace sanpi::domain
