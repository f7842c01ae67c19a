#include "domain/report_totals.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "report_builders.hpp"

namespace sanpi::domain {
namespace report_totals_test {

using testing::make_report;
using testing::month;
using testing::wan;
using testing::with_status;

// June..September in every status, out of order: 100 / 200 / 400 / 800 万元 invested,
// capital arrived half of that.
std::vector<ProgressReport> reports_of_a_project() {
    std::vector<ProgressReport> rs = {
        with_status(make_report(), 4, month(2022, 9), wan(800), ReportStatus::kApproved),
        with_status(make_report(), 1, month(2022, 6), wan(100), ReportStatus::kApproved),
        with_status(make_report(), 3, month(2022, 8), wan(400), ReportStatus::kDraft),
        with_status(make_report(), 2, month(2022, 7), wan(200), ReportStatus::kSubmitted),
        with_status(make_report(), 5, month(2022, 5), wan(10), ReportStatus::kReturned),
    };
    for (auto& r : rs) r.capital_arrived = Money::from_fen(r.investment_completed.fen() / 2);
    return rs;
}

TEST(Cumulative, OfficialCountsOnlyApprovedReportsThroughTheMonth) {
    struct Case {
        Month through;
        std::int64_t investment_wan;
    };
    const Case cases[] = {
        {month(2022, 4), 0},   {month(2022, 5), 0},   {month(2022, 6), 100},
        {month(2022, 8), 100}, {month(2022, 9), 900}, {month(2023, 1), 900},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.through.to_string());
        const auto sum = cumulative_through(reports_of_a_project(), c.through, FigureBasis::kOfficial);
        ASSERT_TRUE(sum);
        EXPECT_EQ(sum->investment, wan(c.investment_wan));
        EXPECT_EQ(sum->capital, Money::from_fen(wan(c.investment_wan).fen() / 2));
        EXPECT_TRUE(sum->official);
    }
}

TEST(Cumulative, UnofficialCountsEveryReportPastDraftAndSaysSo) {
    struct Case {
        Month through;
        std::int64_t investment_wan;
    };
    const Case cases[] = {
        {month(2022, 5), 10},  {month(2022, 6), 110},  {month(2022, 7), 310},
        {month(2022, 8), 310}, {month(2022, 9), 1110},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.through.to_string());
        const auto sum = cumulative_through(reports_of_a_project(), c.through, FigureBasis::kIncludingUnapproved);
        ASSERT_TRUE(sum);
        EXPECT_EQ(sum->investment, wan(c.investment_wan));
        EXPECT_FALSE(sum->official);
    }
}

TEST(Cumulative, NoReportsIsZero) {
    const auto sum = cumulative_through({}, month(2022, 7), FigureBasis::kOfficial);
    ASSERT_TRUE(sum);
    EXPECT_TRUE(sum->investment.is_zero());
    EXPECT_TRUE(sum->capital.is_zero());
}

TEST(Cumulative, RefusesASumThatOverflows) {
    const Money huge = Money::from_fen(std::numeric_limits<std::int64_t>::max() - 5);
    const std::vector<ProgressReport> rs = {
        with_status(make_report(), 1, month(2022, 6), huge, ReportStatus::kApproved),
        with_status(make_report(), 2, month(2022, 7), Money::from_fen(6), ReportStatus::kApproved),
    };
    EXPECT_FALSE(cumulative_through(rs, month(2022, 7), FigureBasis::kOfficial));
    EXPECT_TRUE(cumulative_through(rs, month(2022, 6), FigureBasis::kOfficial));
}

TEST(OverrunLimit, IsExactlyOneAndAHalfTimesTheTotalInFen) {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    struct Case {
        std::int64_t cumulative;
        std::int64_t total;
        bool exceeds;
    };
    const Case cases[] = {
        {150, 100, false},
        {151, 100, true},
        {151, 101, false},  // 151.5 is the limit
        {152, 101, true},
        {0, 0, false},
        {1, 0, true},
        {1, 1, false},
        {2, 1, true},
        {kMax, kMax, false},              // the limit saturates instead of overflowing
        {kMax, kMax / 3 * 2 + 1, false},  // 6148914691236517205 * 1.5 is exactly kMax
        {kMax, kMax / 3 * 2, true},
        {18'7500'0000'00, 12'5000'0000'00, false},  // exactly 150% of 12.5亿元
        {18'7500'0000'01, 12'5000'0000'00, true},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.cumulative) + " of " + std::to_string(c.total));
        EXPECT_EQ(exceeds_overrun_limit(Money::from_fen(c.cumulative), Money::from_fen(c.total)), c.exceeds);
    }
}

class Overrun : public ::testing::Test {
protected:
    const Money total_ = wan(1000);  // limit 1500万元
    // 600 approved + 300 submitted + 500 draft (not counted) + 900 in a later month (not counted).
    std::vector<ProgressReport> others_ = {
        with_status(make_report(), 1, month(2022, 6), wan(600), ReportStatus::kApproved),
        with_status(make_report(), 2, month(2022, 7), wan(300), ReportStatus::kSubmitted),
        with_status(make_report(), 3, month(2022, 8), wan(500), ReportStatus::kDraft),
        with_status(make_report(), 4, month(2022, 10), wan(900), ReportStatus::kApproved),
    };
    ProgressReport august(Money investment) const {
        return with_status(make_report(), 0, month(2022, 8), investment, ReportStatus::kDraft);
    }
};

TEST_F(Overrun, UpToTheLimitNeedsNoNote) {
    EXPECT_EQ(check_overrun(august(wan(600)), others_, total_), std::nullopt);  // 1500 exactly
}

TEST_F(Overrun, AboveTheLimitNeedsAConfirmationNote) {
    const auto error = check_overrun(august(Money::from_fen(wan(600).fen() + 1)), others_, total_);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->field, "confirmation_note");
    EXPECT_NE(error->message.en.find("150%"), std::string::npos) << error->message.en;
    EXPECT_NE(error->message.zh.find("1000万元"), std::string::npos) << error->message.zh;
}

TEST_F(Overrun, ABlankNoteDoesNotCountAndARealOneDoes) {
    ProgressReport r = august(wan(700));
    r.confirmation_note = "  ";
    EXPECT_TRUE(check_overrun(r, others_, total_));
    r.confirmation_note = "含设备追加投资，已核实";
    EXPECT_EQ(check_overrun(r, others_, total_), std::nullopt);
}

TEST_F(Overrun, IgnoresTheStoredVersionOfTheSameReport) {
    // Editing report 2 (July, stored at 300): its new 900 replaces the stored 300, it does not add to it.
    ProgressReport july = with_status(make_report(), 2, month(2022, 7), wan(900), ReportStatus::kReturned);
    EXPECT_EQ(check_overrun(july, others_, total_), std::nullopt);  // 600 + 900
    july.investment_completed = wan(901);
    EXPECT_TRUE(check_overrun(july, others_, total_));
}

TEST_F(Overrun, CountsReportsOfTheSameMonthAndEarlierOnly) {
    // For June only report 1 (600) is earlier-or-same; a new June figure of 900 reaches exactly 1500.
    const ProgressReport june = with_status(make_report(), 0, month(2022, 6), wan(900), ReportStatus::kDraft);
    EXPECT_EQ(check_overrun(june, others_, total_), std::nullopt);
}

}  // namespace report_totals_test
}  // namespace sanpi::domain
