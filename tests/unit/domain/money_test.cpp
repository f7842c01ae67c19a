#include "domain/money.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace money_test {

using testing::only_field;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

struct ParseCase {
    std::string text;
    MoneyUnit default_unit;
    std::int64_t fen;
    MoneyUnit unit;
};

TEST(MoneyParse, ReadsAmountsAndReportsTheUnit) {
    const ParseCase cases[] = {
        {"12.5亿元", MoneyUnit::kYuan, 125'000'000'000, MoneyUnit::kYi},
        {"12.5亿", MoneyUnit::kYuan, 125'000'000'000, MoneyUnit::kYi},
        {"3000万元", MoneyUnit::kYuan, 3'000'000'000, MoneyUnit::kWan},
        {"3000万", MoneyUnit::kYuan, 3'000'000'000, MoneyUnit::kWan},
        {"1,200,000元", MoneyUnit::kYuan, 120'000'000, MoneyUnit::kYuan},
        {"1200000", MoneyUnit::kYuan, 120'000'000, MoneyUnit::kYuan},
        {"1200000", MoneyUnit::kWan, 1'200'000'000'000, MoneyUnit::kWan},
        {"12.5", MoneyUnit::kYi, 125'000'000'000, MoneyUnit::kYi},
        {"１２．５亿元", MoneyUnit::kYuan, 125'000'000'000, MoneyUnit::kYi},
        {"１，２００，０００元", MoneyUnit::kYuan, 120'000'000, MoneyUnit::kYuan},
        {"1,200,000.50元", MoneyUnit::kYuan, 120'000'050, MoneyUnit::kYuan},
        {"  3000万元 ", MoneyUnit::kYuan, 3'000'000'000, MoneyUnit::kWan},
        {"\u3000３０００万元\u3000", MoneyUnit::kYuan, 3'000'000'000, MoneyUnit::kWan},
        {"12.5 亿元", MoneyUnit::kYuan, 125'000'000'000, MoneyUnit::kYi},
        {"12.5亿元", MoneyUnit::kWan, 125'000'000'000, MoneyUnit::kYi},  // the text's unit wins
        {"0", MoneyUnit::kYuan, 0, MoneyUnit::kYuan},
        {"007元", MoneyUnit::kYuan, 700, MoneyUnit::kYuan},
        {"0.01元", MoneyUnit::kYuan, 1, MoneyUnit::kYuan},
        {"0.000001万元", MoneyUnit::kYuan, 1, MoneyUnit::kWan},
        {"0.0000000001亿元", MoneyUnit::kYuan, 1, MoneyUnit::kYi},
        {"1.000000000000万元", MoneyUnit::kYuan, 1'000'000, MoneyUnit::kWan},  // trailing zeros add no precision
        {"0.0010亿", MoneyUnit::kYuan, 10'000'000, MoneyUnit::kYi},
        {"100yuan", MoneyUnit::kWan, 10'000, MoneyUnit::kYuan},
        {"¥1,200.00", MoneyUnit::kYuan, 120'000, MoneyUnit::kYuan},
        {"￥1,200.00元", MoneyUnit::kYuan, 120'000, MoneyUnit::kYuan},
        {"10000亿元", MoneyUnit::kYuan, 100'000'000'000'000, MoneyUnit::kYi},  // the cap, 1万亿元, itself
        {"1,000,000,000,000.00元", MoneyUnit::kYuan, 100'000'000'000'000, MoneyUnit::kYuan},
        {"123", MoneyUnit::kYuan, 12'300, MoneyUnit::kYuan},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = Money::parse(c.text, c.default_unit);
        ASSERT_TRUE(parsed) << parsed.error().fields.at(0).message.en;
        EXPECT_EQ(parsed->amount.fen(), c.fen);
        EXPECT_EQ(parsed->unit, c.unit);
    }
}

struct RejectCase {
    std::string text;
    std::string zh;  // part of the Chinese reason
    std::string en;  // part of the English reason
};

TEST(MoneyParse, RejectsBadInputNamingFieldAndReason) {
    const RejectCase cases[] = {
        {"", "不能为空", "required"},
        {"   ", "不能为空", "required"},
        {"-5", "负数", "negative"},
        {"-5亿元", "负数", "negative"},
        {"－５元", "负数", "negative"},
        {"\xE2\x88\x92"
         "5",
         "负数", "negative"},
        {"0.001元", "精度", "one fen"},
        {"0.001", "精度", "one fen"},
        {"1.234567891万元", "精度", "one fen"},
        {"1.00000000001亿元", "精度", "one fen"},
        {"12abc", "格式", "not an amount"},
        {"1..2", "格式", "not an amount"},
        {"1.2.3", "格式", "not an amount"},
        {"1.", "格式", "not an amount"},
        {".5", "格式", "not an amount"},
        {"+5", "格式", "not an amount"},
        {"1e5", "格式", "not an amount"},
        {"12 5", "格式", "not an amount"},
        {"NaN", "格式", "not an amount"},
        {"12亿元元", "格式", "not an amount"},
        {"12亿5000万", "格式", "not an amount"},
        {"亿元", "缺少", "no number"},
        {"¥", "缺少", "no number"},
        {"1,2,3", "千位", "three digits"},
        {",123", "千位", "three digits"},
        {"1234,567", "千位", "three digits"},
        {"1,234,56", "千位", "three digits"},
        {"1,2345", "千位", "three digits"},
        {"1,234,", "千位", "three digits"},
        {"1,234.5,6", "格式", "not an amount"},
        {"99999999999999999999亿元", "上限1万亿元", "maximum of 1万亿元"},
        {"10000.0000000001亿元", "上限1万亿元", "maximum of 1万亿元"},
        {"1000000000000.01元", "上限1万亿元", "maximum of 1万亿元"},
        {"100000001万元", "上限1万亿元", "maximum of 1万亿元"},
        {"9223372036854775808", "上限1万亿元", "maximum of 1万亿元"},
        {std::string(100'000, '9'), "上限1万亿元", "maximum of 1万亿元"},
        {std::string(100'000, 'x'), "格式", "not an amount"},
        {"\xFF\xFE", "格式", "not an amount"},
        {"12\xFF元", "格式", "not an amount"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text.substr(0, 40));
        const auto parsed = Money::parse(c.text, MoneyUnit::kYuan, "total_investment");
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
        const auto& field = only_field(parsed.error());
        EXPECT_EQ(field.field, "total_investment");
        EXPECT_NE(field.message.zh.find(c.zh), std::string::npos) << field.message.zh;
        EXPECT_NE(field.message.en.find(c.en), std::string::npos) << field.message.en;
    }
}

TEST(MoneyParse, DefaultFieldNameIsAmount) { EXPECT_EQ(only_field(Money::parse("x").error()).field, "amount"); }

struct DecimalCase {
    std::int64_t fen;
    MoneyUnit unit;
    std::string text;
};

TEST(MoneyToDecimal, IsExactWithoutTrailingZeros) {
    const DecimalCase cases[] = {
        {125'000'000'000, MoneyUnit::kYi, "12.5"},
        {125'000'000'000, MoneyUnit::kWan, "125000"},
        {125'000'000'000, MoneyUnit::kYuan, "1250000000"},
        {1, MoneyUnit::kYuan, "0.01"},
        {1, MoneyUnit::kWan, "0.000001"},
        {1, MoneyUnit::kYi, "0.0000000001"},
        {0, MoneyUnit::kYi, "0"},
        {120'000'050, MoneyUnit::kYuan, "1200000.5"},
        {10, MoneyUnit::kYuan, "0.1"},
        {-5, MoneyUnit::kYuan, "-0.05"},
        {kMax, MoneyUnit::kYuan, "92233720368547758.07"},
        {kMin, MoneyUnit::kYuan, "-92233720368547758.08"},
        {kMin, MoneyUnit::kYi, "-922337203.6854775808"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(Money::from_fen(c.fen).to_decimal(c.unit), c.text);
    }
}

TEST(MoneyFormat, AppendsTheChineseUnit) {
    EXPECT_EQ(Money::from_fen(125'000'000'000).format(MoneyUnit::kYi), "12.5亿元");
    EXPECT_EQ(Money::from_fen(3'000'000'000).format(MoneyUnit::kWan), "3000万元");
    EXPECT_EQ(Money::from_fen(120'000'000).format(MoneyUnit::kYuan), "1200000元");
}

TEST(MoneyFormat, RoundTripsThroughParse) {
    const std::int64_t values[] = {0, 1, 99, 100, 123'456'789, 125'000'000'000, kMaxAmount.fen()};
    for (const auto fen : values) {
        for (const auto unit : {MoneyUnit::kYuan, MoneyUnit::kWan, MoneyUnit::kYi}) {
            const std::string text = Money::from_fen(fen).format(unit);
            SCOPED_TRACE(text);
            const auto parsed = Money::parse(text);
            ASSERT_TRUE(parsed);
            EXPECT_EQ(parsed->amount.fen(), fen);
            EXPECT_EQ(parsed->unit, unit);
        }
    }
}

// A million projects at the cap: 10^20 fen, past 64 bits, summed and written out exactly.
TEST(MoneyArithmetic, SumsOfCappedAmountsNeverOverflow) {
    Money sum;
    for (int i = 0; i < 1'000'000; ++i) sum += kMaxAmount;
    EXPECT_FALSE(sum.fits_64());
    EXPECT_EQ(sum.to_decimal(MoneyUnit::kYi), "10000000000");
    EXPECT_EQ(sum.format(MoneyUnit::kYuan), "1000000000000000000元");
    EXPECT_EQ((sum - kMaxAmount).to_decimal(MoneyUnit::kYi), "9999990000");
    EXPECT_EQ((Money() - sum).to_decimal(MoneyUnit::kYi), "-10000000000");
    EXPECT_EQ((Money() - sum).magnitude(), sum);
    EXPECT_GT(sum, kMaxAmount);
    EXPECT_EQ(Money::from_yi_and_fen(10'000'000'000, 5), sum + Money::from_fen(5));
    EXPECT_FALSE(kMaxAmount.checked_add(Money::from_fen(kMax)));  // a stored amount stays 64 bits
}

TEST(MoneyArithmetic, CheckedAddDetectsOverflow) {
    EXPECT_EQ(Money::from_fen(1).checked_add(Money::from_fen(2))->fen(), 3);
    EXPECT_EQ(Money::from_fen(kMax - 1).checked_add(Money::from_fen(1))->fen(), kMax);
    EXPECT_FALSE(Money::from_fen(kMax).checked_add(Money::from_fen(1)));
    EXPECT_FALSE(Money::from_fen(kMin).checked_add(Money::from_fen(-1)));
    EXPECT_EQ(Money::from_fen(kMin).checked_add(Money::from_fen(kMax))->fen(), -1);
}

TEST(MoneyArithmetic, FromYuanDetectsOverflow) {
    EXPECT_EQ(Money::from_yuan(100)->fen(), 10'000);
    EXPECT_EQ(Money::from_yuan(-3)->fen(), -300);
    EXPECT_EQ(Money::from_yuan(1'000'000'000'000)->fen(), kMaxAmount.fen());
    EXPECT_FALSE(Money::from_yuan(1'000'000'000'001));
    EXPECT_FALSE(Money::from_yuan(kMax / 100 + 1));
    EXPECT_FALSE(Money::from_yuan(kMin));
}

TEST(MoneyValue, ComparesAndReportsZero) {
    EXPECT_TRUE(Money().is_zero());
    EXPECT_LT(Money::from_fen(1), Money::from_fen(2));
    EXPECT_EQ(Money::from_fen(5), Money::from_fen(5));
}

TEST(MoneyUnitLabels, NameEachUnit) {
    EXPECT_EQ(unit_label_zh(MoneyUnit::kYuan), "元");
    EXPECT_EQ(unit_label_zh(MoneyUnit::kWan), "万元");
    EXPECT_EQ(unit_label_zh(MoneyUnit::kYi), "亿元");
    EXPECT_EQ(unit_label_en(MoneyUnit::kYuan), "yuan");
    EXPECT_EQ(unit_label_en(MoneyUnit::kWan), "10k yuan");
    EXPECT_EQ(unit_label_en(MoneyUnit::kYi), "100m yuan");
}

}  // namespace money_test
}  // namespace sanpi::domain
