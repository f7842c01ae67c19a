#include "domain/capacity_agreement.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace capacity_agreement_test {

using testing::field_names;
using testing::ymd;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Money fen(std::int64_t f) { return Money::from_fen(f); }
Money yuan(std::int64_t y) { return Money::from_yuan(y).value(); }

// 250 亩 committing 10亿元 output, 5000万元 tax and 300 jobs at capacity.
CapacityAgreement make_agreement() { return CapacityAgreement{yuan(1'000'000'000), yuan(50'000'000), 300, 25000}; }

struct PerMuCase {
    std::int64_t amount_fen;
    std::int64_t centimu;
    std::optional<std::int64_t> expected_fen;
};

TEST(PerMu, DividesExactlyAndRoundsTheHalfFenAwayFromZero) {
    const PerMuCase cases[] = {
        {yuan(1'000'000'000).fen(), 25000, yuan(4'000'000).fen()},  // 10亿元 on 250亩: 400万元 per 亩
        {100, 100, 100},                                            // 1 yuan on 1 亩
        {100, 300, 33},                                             // 33.33… fen
        {200, 300, 67},                                             // 66.66… fen
        {1, 200, 1},                                                // 0.5 fen rounds up
        {-1, 200, -1},                                              // and away from zero below it
        {3, 200, 2},                                                // 1.5 fen
        {1, 201, 0},                                                // 0.497… fen
        {-1, 201, 0},
        {0, 12345, 0},
        {1'000'000, 1, 100'000'000},  // 0.01 亩: a hundred times
        {kMax, kMax, 100},            // 128-bit product stays exact
        {kMax, 1, std::nullopt},      // does not fit in Money
        {kMax / 100, 1, kMax / 100 * 100},
        {kMin, 100, kMin},
        {100, 0, std::nullopt},  // no land
        {100, -5, std::nullopt},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.amount_fen) + " / " + std::to_string(c.centimu));
        const auto got = per_mu(fen(c.amount_fen), c.centimu);
        if (c.expected_fen) {
            ASSERT_TRUE(got);
            EXPECT_EQ(got->fen(), *c.expected_fen);
        } else {
            EXPECT_FALSE(got);
        }
    }
}

TEST(PerMu, OfTheAgreement) {
    const CapacityAgreement a = make_agreement();
    EXPECT_EQ(committed_output_per_mu(a), yuan(4'000'000));
    EXPECT_EQ(committed_tax_per_mu(a), yuan(200'000));
    CapacityAgreement odd{yuan(1'000'000), yuan(10'000), 10, 33333};  // 333.33 亩
    EXPECT_EQ(committed_output_per_mu(odd), fen(3000'03));            // 3000.0300003 yuan
    EXPECT_EQ(committed_tax_per_mu(odd), fen(30'00));                 // 30.0003 yuan
    CapacityAgreement no_land = make_agreement();
    no_land.land_area_centimu = 0;
    EXPECT_EQ(committed_output_per_mu(no_land), std::nullopt);
}

struct ShareCase {
    std::int64_t realised;
    std::int64_t committed;
    std::optional<std::int64_t> bp;
};

TEST(ShareBasisPoints, RoundsDownExactly) {
    const ShareCase cases[] = {
        {80, 100, 8000},      {0, 100, 0},           {100, 100, 10000},
        {150, 100, 15000},    {79996, 100000, 7999},  // 79.996%: 7999.6 bp is below 8000
        {1, 3, 3333},         {2, 3, 6666},          {-1, 3, -3334},
        {5, 0, std::nullopt}, {5, -1, std::nullopt}, {kMax, kMax, 10000},
        {kMax, 1, kMax},      {kMin, 1, kMin},       {kMax - 1, kMax, 9999},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.realised) + " of " + std::to_string(c.committed));
        EXPECT_EQ(share_basis_points(c.realised, c.committed), c.bp);
    }
}

TEST(CompareWithCommitments, FlagsOutputOrTaxBelowTheThreshold) {
    const CapacityAgreement a = make_agreement();
    const auto compare = [&](Money output, Money tax, std::int32_t jobs) {
        return compare_with_commitments(a, AnnualRealisation{2023, output, tax, jobs}, 8000);
    };
    auto c = compare(yuan(800'000'000), yuan(40'000'000), 240);  // exactly 80% everywhere
    EXPECT_EQ(c.year, 2023);
    EXPECT_EQ(c.output_share_bp, 8000);
    EXPECT_EQ(c.tax_share_bp, 8000);
    EXPECT_EQ(c.jobs_share_bp, 8000);
    EXPECT_FALSE(c.missed());
    EXPECT_FALSE(c.jobs_missed);

    c = compare(yuan(800'000'000).checked_add(fen(-1)).value(), yuan(40'000'000), 240);  // one fen short
    EXPECT_EQ(c.output_share_bp, 7999);
    EXPECT_TRUE(c.output_missed);
    EXPECT_FALSE(c.tax_missed);
    EXPECT_TRUE(c.missed());

    c = compare(yuan(1'200'000'000), yuan(39'999'999), 300);
    EXPECT_FALSE(c.output_missed);
    EXPECT_TRUE(c.tax_missed);
    EXPECT_TRUE(c.missed());

    c = compare(yuan(1'000'000'000), yuan(50'000'000), 10);  // few jobs alone is not what supervision flags
    EXPECT_TRUE(c.jobs_missed);
    EXPECT_FALSE(c.missed());
}

TEST(CompareWithCommitments, NothingCommittedIsNeverMissed) {
    const CapacityAgreement none{};
    const auto c = compare_with_commitments(none, AnnualRealisation{2023, Money(), Money(), 0}, 8000);
    EXPECT_EQ(c.output_share_bp, std::nullopt);
    EXPECT_EQ(c.tax_share_bp, std::nullopt);
    EXPECT_EQ(c.jobs_share_bp, std::nullopt);
    EXPECT_FALSE(c.missed());
    EXPECT_FALSE(c.jobs_missed);
}

TEST(ValidateCapacityAgreement, RefusesNegativeFigures) {
    EXPECT_TRUE(validate_capacity_agreement(make_agreement()).empty());
    EXPECT_TRUE(validate_capacity_agreement(CapacityAgreement{}).empty());
    const CapacityAgreement bad{fen(-1), fen(-1), -1, -1};
    EXPECT_EQ(field_names(validate_capacity_agreement(bad)),
              (std::vector<std::string>{"capacity_agreement.output_value", "capacity_agreement.tax",
                                        "capacity_agreement.jobs", "capacity_agreement.land_area_mu"}));
}

const Date kToday = ymd(2024, 3, 1);

TEST(ValidateRealisations, AcceptsEndedYearsFromTheProductionYear) {
    const std::vector<AnnualRealisation> years{{2022, yuan(1), yuan(1), 1}, {2023, yuan(2), Money(), 0}};
    EXPECT_TRUE(validate_realisations(years, ymd(2022, 12, 31), kToday).empty());
    EXPECT_TRUE(validate_realisations({}, std::nullopt, kToday).empty());
}

TEST(ValidateRealisations, NeedProduction) {
    const std::vector<AnnualRealisation> years{{2022, yuan(1), yuan(1), 1}};
    EXPECT_EQ(field_names(validate_realisations(years, std::nullopt, kToday)), std::vector<std::string>{"realised"});
}

struct RejectCase {
    std::string name;
    AnnualRealisation year;
    std::string field;
    std::string zh;
};

TEST(ValidateRealisations, NamesEachProblem) {
    const RejectCase cases[] = {
        {"before production", {2021, yuan(1), yuan(1), 1}, "realised[1].year", "投产年份（2022年）起"},
        {"the current year", {2024, yuan(1), yuan(1), 1}, "realised[1].year", "2024年尚未结束"},
        {"a future year", {2030, yuan(1), yuan(1), 1}, "realised[1].year", "2030年尚未结束"},
        {"twice", {2022, yuan(1), yuan(1), 1}, "realised[1].year", "2022年的实际产出重复填报"},
        {"negative output", {2023, fen(-1), yuan(1), 1}, "realised[1].output_value", "不能为负数"},
        {"negative tax", {2023, yuan(1), fen(-1), 1}, "realised[1].tax", "不能为负数"},
        {"negative jobs", {2023, yuan(1), yuan(1), -1}, "realised[1].jobs", "不能为负数"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const std::vector<AnnualRealisation> years{{2022, yuan(1), yuan(1), 1}, c.year};
        const auto errors = validate_realisations(years, ymd(2022, 5, 1), kToday);
        ASSERT_EQ(field_names(errors), std::vector<std::string>{c.field});
        EXPECT_NE(errors[0].message.zh.find(c.zh), std::string::npos) << errors[0].message.zh;
        EXPECT_FALSE(errors[0].message.en.empty());
    }
}

}  // namespace capacity_agreement_test
}  // namespace sanpi::domain
