#include "domain/funding.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace funding_test {

using testing::field_names;

Money yuan(std::int64_t y) { return Money::from_yuan(y).value(); }

const Money kTotal = yuan(455'000'000);  // 4.55亿元

TEST(FundingSourceNames, AreStableAndComplete) {
    const std::pair<FundingSource, std::string> names[] = {
        {FundingSource::kCentralBudget, "central_budget"},
        {FundingSource::kProvincialBudget, "provincial_budget"},
        {FundingSource::kSpecialBonds, "special_bonds"},
        {FundingSource::kBankLoans, "bank_loans"},
        {FundingSource::kOwnFunds, "own_funds"},
        {FundingSource::kForeignCapital, "foreign_capital"},
        {FundingSource::kOther, "other"},
    };
    for (const auto& [source, name] : names) {
        EXPECT_EQ(to_string(source), name);
        EXPECT_EQ(funding_source_from_string(name), source);
    }
    std::set<std::string_view> zh, en;
    for (const auto s : funding_sources()) {
        zh.insert(label_zh(s));
        en.insert(label_en(s));
    }
    EXPECT_EQ(zh.size(), 7u);
    EXPECT_EQ(en.size(), 7u);
    EXPECT_EQ(label_zh(FundingSource::kSpecialBonds), "地方政府专项债券");
    EXPECT_EQ(label_zh(FundingSource::kOwnFunds), "企业自筹");
    EXPECT_EQ(funding_source_from_string("专项债"), std::nullopt);
    EXPECT_EQ(funding_source_from_string("Bank_Loans"), std::nullopt);
}

TEST(ValidateFunding, AcceptsPartsThatAddUp) {
    const FundingBreakdown parts{
        {FundingSource::kCentralBudget, yuan(5'000'000)},
        {FundingSource::kSpecialBonds, yuan(100'000'000)},
        {FundingSource::kBankLoans, yuan(200'000'000)},
        {FundingSource::kOwnFunds, yuan(150'000'000)},
        {FundingSource::kOther, Money()},
    };
    EXPECT_TRUE(validate_funding(parts, kTotal).empty());
    EXPECT_EQ(funding_sum(parts).value(), kTotal);
}

TEST(ValidateFunding, AnEmptyBreakdownIsNotGiven) {
    EXPECT_TRUE(validate_funding({}, kTotal).empty());
    EXPECT_TRUE(validate_funding({}, Money()).empty());
}

TEST(ValidateFunding, ASinglePartEqualToTheTotal) {
    EXPECT_TRUE(validate_funding({{FundingSource::kOwnFunds, kTotal}}, kTotal).empty());
    EXPECT_TRUE(validate_funding({{FundingSource::kOwnFunds, Money()}}, Money()).empty());
}

TEST(ValidateFunding, NamesTheShortfallInYuan) {
    const FundingBreakdown parts{{FundingSource::kBankLoans, yuan(300'000'000)},
                                 {FundingSource::kOwnFunds, yuan(150'000'000)}};
    const auto errors = validate_funding(parts, kTotal);
    ASSERT_EQ(field_names(errors), std::vector<std::string>{"funding"});
    EXPECT_EQ(errors[0].message.zh, "各来源合计 4.5亿元，比总投资（4.55亿元）少 5,000,000 元");
    EXPECT_EQ(errors[0].message.en,
              "the parts add up to ¥450,000,000, ¥5,000,000 less than the total investment (¥455,000,000)");
}

TEST(ValidateFunding, NamesTheExcessDownToTheFen) {
    const FundingBreakdown parts{{FundingSource::kBankLoans, kTotal}, {FundingSource::kOther, Money::from_fen(1)}};
    const auto errors = validate_funding(parts, kTotal);
    ASSERT_EQ(field_names(errors), std::vector<std::string>{"funding"});
    EXPECT_EQ(errors[0].message.zh, "各来源合计 4.5500000001亿元，比总投资（4.55亿元）多 0.01 元");
    EXPECT_EQ(errors[0].message.en,
              "the parts add up to ¥455,000,000.01, ¥0.01 more than the total investment (¥455,000,000)");
}

TEST(ValidateFunding, RefusesADuplicateSourceNamingTheFirst) {
    const FundingBreakdown parts{{FundingSource::kBankLoans, yuan(200'000'000)},
                                 {FundingSource::kOwnFunds, yuan(55'000'000)},
                                 {FundingSource::kBankLoans, yuan(200'000'000)}};
    const auto errors = validate_funding(parts, kTotal);
    ASSERT_EQ(field_names(errors), std::vector<std::string>{"funding[2].source"});
    EXPECT_EQ(errors[0].message.zh, "资金来源“银行贷款”重复（已在第1项）");
    EXPECT_EQ(errors[0].message.en, "the source 'bank loans' is listed twice (already item 1)");
}

TEST(ValidateFunding, ADuplicateIsReportedBesideAMismatch) {
    const FundingBreakdown parts{{FundingSource::kOther, yuan(1)}, {FundingSource::kOther, yuan(1)}};
    EXPECT_EQ(field_names(validate_funding(parts, kTotal, "rows[0].funding")),
              (std::vector<std::string>{"rows[0].funding[1].source", "rows[0].funding"}));
}

TEST(ValidateFunding, RefusesNegativeAmountsWithoutSumming) {
    const FundingBreakdown parts{{FundingSource::kBankLoans, yuan(460'000'000)},
                                 {FundingSource::kOther, yuan(-5'000'000)}};
    EXPECT_EQ(field_names(validate_funding(parts, kTotal)), std::vector<std::string>{"funding[1].amount"});
}

TEST(ValidateFunding, RefusesASumTooLargeToRecord) {
    const Money huge = Money::from_fen(std::numeric_limits<std::int64_t>::max());
    const FundingBreakdown parts{{FundingSource::kBankLoans, huge}, {FundingSource::kOther, Money::from_fen(1)}};
    EXPECT_FALSE(funding_sum(parts));
    const auto errors = validate_funding(parts, kTotal);
    ASSERT_EQ(field_names(errors), std::vector<std::string>{"funding"});
    EXPECT_NE(errors[0].message.zh.find("过大"), std::string::npos);
}

TEST(ValidateFunding, LeavesANegativeTotalToTheProjectCheck) {
    EXPECT_TRUE(validate_funding({{FundingSource::kOther, yuan(1)}}, yuan(-1)).empty());
}

}  // namespace funding_test
}  // namespace sanpi::domain
