#include "domain/money_text.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace sanpi::domain {
namespace money_text_test {

struct Case {
    std::int64_t fen;
    std::string grouped;
    std::string natural;
};

TEST(MoneyText, GroupsYuanAndPicksTheNaturalUnit) {
    const Case cases[] = {
        {0, "0", "0元"},
        {1, "0.01", "0.01元"},
        {10, "0.10", "0.1元"},
        {123456, "1,234.56", "1234.56元"},
        {99999'99, "99,999.99", "9.999999万元"},
        {1'0000'00, "10,000", "1万元"},
        {5'000'000'00, "5,000,000", "500万元"},
        {9999'9999'99, "99,999,999.99", "9999.999999万元"},
        {1'0000'0000'00, "100,000,000", "1亿元"},
        {4'5000'0000'00, "450,000,000", "4.5亿元"},
        {-12'000'00, "-12,000", "-1.2万元"},
        {100'00, "100", "100元"},
        {1000'00, "1,000", "1000元"},
        {std::numeric_limits<std::int64_t>::max(), "92,233,720,368,547,758.07", "922337203.6854775807亿元"},
        {std::numeric_limits<std::int64_t>::min(), "-92,233,720,368,547,758.08", "-922337203.6854775808亿元"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.fen);
        EXPECT_EQ(grouped_yuan(Money::from_fen(c.fen)), c.grouped);
        EXPECT_EQ(format_in_natural_unit(Money::from_fen(c.fen)), c.natural);
    }
}

}  // namespace money_text_test
}  // namespace sanpi::domain
