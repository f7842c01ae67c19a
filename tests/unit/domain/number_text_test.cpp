#include "domain/number_text.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "domain/rates.hpp"

namespace sanpi::domain {
namespace number_text_test {

Money fen(std::int64_t n) { return Money::from_fen(n); }

TEST(NumberText, GroupsThousands) {
    EXPECT_EQ(group_thousands(0), "0");
    EXPECT_EQ(group_thousands(321), "321");
    EXPECT_EQ(group_thousands(1000), "1,000");
    EXPECT_EQ(group_thousands(1234567), "1,234,567");
    EXPECT_EQ(group_thousands(-1234), "-1,234");
    EXPECT_EQ(group_thousands(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
    EXPECT_EQ(group_decimal("1234.56"), "1,234.56");
    EXPECT_EQ(group_decimal("-1234567.5"), "-1,234,567.5");
    EXPECT_EQ(group_decimal("12"), "12");
}

TEST(NumberText, InvestmentInYiToTwoDecimalsRoundedHalfUpExactly) {
    const std::pair<Money, const char*> cases[] = {
        {fen(0), "0"},
        {fen(1'234'560'000'000), "123.46"},  // 123.456亿 -> 123.46
        {fen(1'234'549'999'999), "123.45"},  // just below the half
        {fen(1'234'550'000'000), "123.46"},  // the half rounds up
        {fen(125'000'000'000), "12.5"},      // no trailing zero
        {fen(10'000'000'000), "1"},
        {fen(49'999'999), "0"},  // under half a hundredth
        {fen(50'000'000), "0.01"},
        {fen(-1'234'550'000'000), "-123.46"},  // a change: half away from zero
        {fen(std::numeric_limits<std::int64_t>::max()), "922337203.69"},
    };
    for (const auto& [amount, text] : cases) EXPECT_EQ(yi_text(amount), text) << amount.fen();
    EXPECT_EQ(billion_text(fen(24'567'800'000'000)), "245.678");  // 2456.78亿元
    EXPECT_EQ(billion_text(fen(123'456'000'000'000)), "1,234.56");
    EXPECT_EQ(billion_text(fen(0)), "0");
    EXPECT_EQ(yi_text(fen(125'000'000'000), true), "12.50");  // for a column: every decimal
    EXPECT_EQ(yi_text(fen(0), true), "0.00");
    EXPECT_EQ(billion_text(fen(123'450'000'000'000), true), "1,234.500");
}

TEST(NumberText, BasisPointsWithIntegerArithmetic) {
    EXPECT_EQ(basis_points(214, 300), 7133);  // 71.333…%
    EXPECT_EQ(basis_points(1, 3), 3333);
    EXPECT_EQ(basis_points(2, 3), 6667);   // half up
    EXPECT_EQ(basis_points(1, 20000), 1);  // 0.5 bp rounds up
    EXPECT_EQ(basis_points(300, 300), 10000);
    EXPECT_EQ(basis_points(0, 5), 0);
    EXPECT_EQ(basis_points(5, 0), std::nullopt);
}

// The bulletin writes rates with the domain's Rate: one decimal, rounded once from the counts.
TEST(NumberText, PercentagesOfTheBulletinAreRoundedOnceFromTheCounts) {
    EXPECT_EQ((Rate{95, 310}.percent_text()), "30.6%");  // 30.645%; its 3065 bp would round to 30.7%
    EXPECT_EQ((Rate{160, 321}.percent_text()), "49.8%");
    EXPECT_EQ((Rate{1, 8}.percent_text()), "12.5%");
    EXPECT_EQ((Rate{1, 2000}.percent_text()), "0.1%");  // 0.05% rounds half up
    EXPECT_EQ((Rate{300, 300}.percent_text()), "100.0%");
    EXPECT_EQ((Rate{0, 0}.percent_text()), "—");
}

TEST(NumberText, DatesInWords) {
    const auto d = Date::from_ymd(2022, 6, 22).value();
    EXPECT_EQ(date_text_zh(d), "2022年6月22日");
    EXPECT_EQ(date_text_en(d), "22 June 2022");
    EXPECT_EQ(date_text_en(Date::from_ymd(2023, 12, 1).value()), "1 December 2023");
}

}  // namespace number_text_test
}  // namespace sanpi::domain
