// The escalation ladder: settings validated by name, and which rungs a lit project reaches on a
// day, at the edges of each streak.
#include "domain/escalation_ladder.hpp"

#include <gtest/gtest.h>

#include "domain/warning_light.hpp"
#include "domain_builders.hpp"

namespace sanpi::domain {
namespace escalation_ladder_test {

using testing::field_names;
using Names = std::vector<std::string>;

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

LadderFacts lit(Light light, Date lit_since, Date colour_since) {
    LadderFacts f;
    f.project_id = 5;
    f.zone_id = 2;
    f.light = light;
    f.lit_since = lit_since;
    f.colour_since = colour_since;
    f.reasons = {LightReason{WarningRule::kStartOverdue, light, {ymd(2023, 12, 1).days_since_epoch(), 45}}};
    return f;
}

std::vector<LadderStep> steps(const std::vector<LadderNotice>& notices) {
    std::vector<LadderStep> out;
    for (const auto& n : notices) out.push_back(n.step);
    return out;
}

TEST(EscalationLadder, DefaultsAreValid) {
    const EscalationLadder l;
    EXPECT_TRUE(validate_ladder(l).empty());
    EXPECT_EQ(l.version, 1);
    EXPECT_EQ(l.yellow_streak_days, 30);
    EXPECT_EQ(l.red_after_days, 0);
    EXPECT_EQ(ladder_settings().size(), 4u);
}

TEST(EscalationLadder, EachBadSettingIsNamed) {
    EscalationLadder l;
    l.yellow_streak_days = 0;
    l.red_after_days = -1;
    l.city_deadline_days = 366;
    l.province_deadline_days = 0;
    EXPECT_EQ(field_names(validate_ladder(l)),
              (Names{"yellow_streak_days", "red_after_days", "city_deadline_days", "province_deadline_days"}));
    l = EscalationLadder{};
    l.red_after_days = 3660;
    l.yellow_streak_days = 3660;
    l.city_deadline_days = 365;
    EXPECT_TRUE(validate_ladder(l).empty());
}

TEST(EscalationLadder, YellowStreakReachesTheCityOnItsThirtiethDay) {
    const EscalationLadder l;
    const auto f = lit(Light::kYellow, ymd(2024, 1, 1), ymd(2024, 1, 1));
    EXPECT_TRUE(evaluate_ladder(f, l, ymd(2024, 1, 30)).empty());  // 29 days
    const auto due = evaluate_ladder(f, l, ymd(2024, 1, 31));      // 30 days
    ASSERT_EQ(steps(due), std::vector<LadderStep>{LadderStep::kYellowStreak});
    EXPECT_EQ(due[0].level, NoticeLevel::kCity);
    EXPECT_EQ(due[0].since, ymd(2024, 1, 1));
    EXPECT_EQ(due[0].deadline, ymd(2024, 2, 15));  // 15 days
    EXPECT_NE(due[0].problem.find("2024-01-01"), std::string::npos);
    EXPECT_NE(due[0].problem.find("30天"), std::string::npos);
    EXPECT_NE(due[0].problem.find(reason_text_zh(f.reasons[0])), std::string::npos);
}

TEST(EscalationLadder, RedReachesTheProvinceAtOnceByDefault) {
    const EscalationLadder l;
    // Lit since 2024-01-10, red since 2024-01-20: no 30-day streak yet.
    const auto f = lit(Light::kRed, ymd(2024, 1, 10), ymd(2024, 1, 20));
    EXPECT_TRUE(evaluate_ladder(f, l, ymd(2024, 1, 19)).empty());  // not red yet by its own date
    const auto due = evaluate_ladder(f, l, ymd(2024, 1, 20));
    ASSERT_EQ(steps(due), std::vector<LadderStep>{LadderStep::kRed});
    EXPECT_EQ(due[0].level, NoticeLevel::kProvince);
    EXPECT_EQ(due[0].since, ymd(2024, 1, 20));
    EXPECT_EQ(due[0].deadline, ymd(2024, 1, 30));
    // Yellow-or-worse for 30 days (yellow then red): both rungs.
    EXPECT_EQ(steps(evaluate_ladder(f, l, ymd(2024, 2, 9))),
              (std::vector<LadderStep>{LadderStep::kYellowStreak, LadderStep::kRed}));
}

TEST(EscalationLadder, RedAfterDaysWaits) {
    EscalationLadder l;
    l.red_after_days = 7;
    const auto f = lit(Light::kRed, ymd(2024, 1, 20), ymd(2024, 1, 20));
    EXPECT_TRUE(evaluate_ladder(f, l, ymd(2024, 1, 26)).empty());
    EXPECT_EQ(steps(evaluate_ladder(f, l, ymd(2024, 1, 27))), std::vector<LadderStep>{LadderStep::kRed});
}

TEST(EscalationLadder, GreenReachesNothing) {
    const auto f = lit(Light::kGreen, ymd(2020, 1, 1), ymd(2020, 1, 1));
    EXPECT_TRUE(evaluate_ladder(f, EscalationLadder{}, ymd(2024, 1, 1)).empty());
}

}  // namespace escalation_ladder_test
}  // namespace sanpi::domain
