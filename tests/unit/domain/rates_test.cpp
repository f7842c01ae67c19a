#include "domain/rates.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace sanpi::domain {
namespace rates_test {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

struct RateCase {
    std::int64_t numerator;
    std::int64_t denominator;
    std::int64_t permille;
    std::string text;
};

TEST(Rate, RoundsPermilleHalfUp) {
    const RateCase cases[] = {
        {302, 321, 941, "94.1%"},  // 940.81...
        {189, 302, 626, "62.6%"},  // 625.82...
        {1, 8, 125, "12.5%"},
        {1, 16, 63, "6.3%"},   // 62.5 rounds up
        {1, 2000, 1, "0.1%"},  // 0.5 rounds up
        {1, 2001, 0, "0.0%"},  // 0.4997... rounds down
        {2, 3, 667, "66.7%"},
        {1, 3, 333, "33.3%"},
        {0, 5, 0, "0.0%"},
        {5, 5, 1000, "100.0%"},
        {3, 2, 1500, "150.0%"},
        {kMax, kMax, 1000, "100.0%"},
        {kMax - 1, kMax, 1000, "100.0%"},
        {1, kMax, 0, "0.0%"},
        {kMax / 2, kMax, 500, "50.0%"},
        {-1, 16, -63, "-6.3%"},  // never produced by counts; half away from zero
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.numerator) + "/" + std::to_string(c.denominator));
        const Rate r{c.numerator, c.denominator};
        EXPECT_TRUE(r.defined());
        EXPECT_EQ(r.permille(), c.permille);
        EXPECT_EQ(r.percent_text(), c.text);
    }
}

TEST(Rate, IsUndefinedWithoutADenominator) {
    const Rate r{5, 0};
    EXPECT_FALSE(r.defined());
    EXPECT_EQ(r.permille(), std::nullopt);
    EXPECT_EQ(r.percent_text(), "—");
    EXPECT_EQ(Rate{}.percent_text(), "—");
}

TEST(CampaignRates, FollowTheDefinitions) {
    // The June 2022 event: 321 signed, 302 started, 189 producing.
    StageCounts c;
    c.signed_count = 321;
    c.started = 302;
    c.producing = 189;
    c.at_capacity = 40;
    c.started_on_time = 151;
    c.producing_on_time = 63;
    c.capacity_on_time = 10;
    EXPECT_EQ(start_rate(c).percent_text(), "94.1%");
    EXPECT_EQ(production_rate(c).percent_text(), "62.6%");
    EXPECT_EQ(capacity_rate(c).numerator, 40);
    EXPECT_EQ(capacity_rate(c).denominator, 189);
    EXPECT_EQ(on_time_start_rate(c).denominator, 302);
    EXPECT_EQ(on_time_start_rate(c).percent_text(), "50.0%");
    EXPECT_EQ(on_time_production_rate(c).numerator, 63);
    EXPECT_EQ(on_time_production_rate(c).denominator, 189);
    EXPECT_EQ(on_time_capacity_rate(c).numerator, 10);
    EXPECT_EQ(on_time_capacity_rate(c).denominator, 40);
}

TEST(CampaignRates, EmptyScopeGivesUndefinedRates) {
    const StageCounts c;
    for (const Rate r : {start_rate(c), production_rate(c), capacity_rate(c), on_time_start_rate(c),
                         on_time_production_rate(c), on_time_capacity_rate(c)}) {
        EXPECT_FALSE(r.defined());
        EXPECT_EQ(r.percent_text(), "—");
    }
}

TEST(InvestmentCompletion, IsInFen) {
    const Rate r = investment_completion(Money::from_fen(2'5000'0000'00), Money::from_fen(3'0000'0000'00));
    EXPECT_EQ(r.numerator, 2'5000'0000'00);
    EXPECT_EQ(r.denominator, 3'0000'0000'00);
    EXPECT_EQ(r.percent_text(), "83.3%");
    EXPECT_FALSE(investment_completion(Money::from_fen(5), Money()).defined());
    EXPECT_EQ(investment_completion(Money::from_fen(kMax), Money::from_fen(kMax / 4)).permille(), 4000);
}

}  // namespace rates_test
}  // namespace sanpi::domain
