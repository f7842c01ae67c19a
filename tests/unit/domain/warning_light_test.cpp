// Every warning rule at its edges: the day before, of and after each deadline (dates as days in
// Asia/Shanghai), the worst light winning, reasons in words, and the stored form of reasons.
#include "domain/warning_light.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace warning_light_test {

using testing::ymd;

const WarningRules kRules{};  // the defaults (m0017's version 1)

LightFacts facts(Stage stage) {
    LightFacts f;
    f.project_id = 1;
    f.stage = stage;
    f.total_investment = Money::from_fen(100'000'000);
    return f;
}

// The one reason of `rule`, if it fired.
std::optional<LightReason> reason_of(const ProjectLight& light, WarningRule rule) {
    for (const auto& r : light.reasons) {
        if (r.rule == rule) return r;
    }
    return std::nullopt;
}

std::optional<Light> rule_light(const LightFacts& f, WarningRule rule, Date today, const WarningRules& rules = kRules) {
    auto r = reason_of(evaluate_light(f, rules, today), rule);
    return r ? std::optional(r->light) : std::nullopt;
}

struct EdgeCase {
    Date today;
    std::optional<Light> expected;
};

void check_edges(const LightFacts& f, WarningRule rule, const std::vector<EdgeCase>& cases) {
    for (const auto& c : cases) {
        EXPECT_EQ(rule_light(f, rule, c.today), c.expected) << to_string(rule) << " on " << c.today.iso();
    }
}

TEST(WarningLight, StartOverdueYellowUpToNinetyDaysThenRed) {
    auto f = facts(Stage::kSigned);
    f.planned.start = ymd(2022, 3, 1);
    check_edges(f, WarningRule::kStartOverdue,
                {{ymd(2022, 2, 28), std::nullopt},
                 {ymd(2022, 3, 1), std::nullopt},
                 {ymd(2022, 3, 2), Light::kYellow},
                 {ymd(2022, 5, 30), Light::kYellow},  // day 90
                 {ymd(2022, 5, 31), Light::kRed}});   // day 91
    const auto light = evaluate_light(f, kRules, ymd(2022, 4, 15));
    ASSERT_EQ(light.reasons.size(), 1u);
    EXPECT_EQ(reason_text_zh(light.reasons[0]), "计划开工日期2022-03-01已过45天仍未开工");
    EXPECT_EQ(reason_text_en(light.reasons[0]), "planned start date 2022-03-01 passed 45 days ago; not started");
    f.stage = Stage::kStarted;  // started: the start rule no longer applies
    EXPECT_EQ(rule_light(f, WarningRule::kStartOverdue, ymd(2022, 5, 31)), std::nullopt);
}

TEST(WarningLight, ProductionAndCapacityOverdueFollowTheirStage) {
    auto f = facts(Stage::kStarted);
    f.planned.production = ymd(2022, 12, 31);
    check_edges(f, WarningRule::kProductionOverdue,
                {{ymd(2022, 12, 30), std::nullopt},
                 {ymd(2022, 12, 31), std::nullopt},
                 {ymd(2023, 1, 1), Light::kYellow},
                 {ymd(2023, 3, 31), Light::kYellow},
                 {ymd(2023, 4, 1), Light::kRed}});
    auto g = facts(Stage::kProducing);
    g.planned.capacity = ymd(2023, 6, 30);
    check_edges(g, WarningRule::kCapacityOverdue,
                {{ymd(2023, 6, 30), std::nullopt},
                 {ymd(2023, 7, 1), Light::kYellow},
                 {ymd(2023, 12, 27), Light::kYellow},  // day 180
                 {ymd(2023, 12, 28), Light::kRed}});
    EXPECT_EQ(reason_text_zh(*reason_of(evaluate_light(g, kRules, ymd(2023, 7, 11)), WarningRule::kCapacityOverdue)),
              "计划达产日期2023-06-30已过11天仍未达产");
}

TEST(WarningLight, ReportsOwedForEachEndedMonthSinceTheStart) {
    auto f = facts(Stage::kStarted);
    f.actual.start = ymd(2022, 1, 10);
    check_edges(f, WarningRule::kReportMissing,
                {{ymd(2022, 2, 28), std::nullopt},     // January ended: one month owed
                 {ymd(2022, 3, 1), Light::kYellow},    // two
                 {ymd(2022, 3, 31), Light::kYellow},
                 {ymd(2022, 4, 1), Light::kRed}});     // three
    EXPECT_EQ(reason_text_zh(*reason_of(evaluate_light(f, kRules, ymd(2022, 4, 1)), WarningRule::kReportMissing)),
              "已连续3个月无审核通过的月报（开工以来尚无）");
    f.last_approved_month = Month::from_ym(2022, 2).value();
    check_edges(f, WarningRule::kReportMissing,
                {{ymd(2022, 4, 30), std::nullopt}, {ymd(2022, 5, 1), Light::kYellow}, {ymd(2022, 6, 1), Light::kRed}});
    EXPECT_EQ(reason_text_en(*reason_of(evaluate_light(f, kRules, ymd(2022, 5, 1)), WarningRule::kReportMissing)),
              "no approved monthly report for 2 months (latest: 2022-02)");
    f.stage = Stage::kSigned;  // not started: no report owed
    EXPECT_EQ(rule_light(f, WarningRule::kReportMissing, ymd(2022, 6, 1)), std::nullopt);
}

TEST(WarningLight, InvestmentBehindTheTimeElapsedScheduleComparedExactly) {
    auto f = facts(Stage::kStarted);
    f.planned.start = ymd(2022, 1, 1);
    f.planned.production = ymd(2022, 1, 1).add_days(100);
    const Date half = ymd(2022, 1, 1).add_days(50);  // 50% of the period
    const auto at = [&](std::int64_t fen) {
        auto g = f;
        g.approved_investment = Money::from_fen(fen);
        return rule_light(g, WarningRule::kInvestmentBehind, half);
    };
    EXPECT_EQ(at(40'000'001), std::nullopt);   // 9.999999 points behind
    EXPECT_EQ(at(40'000'000), Light::kYellow);  // 10 points: yellow from there
    EXPECT_EQ(at(20'000'000), Light::kYellow);  // 30 points: still yellow
    EXPECT_EQ(at(19'999'999), Light::kRed);     // beyond 30
    EXPECT_EQ(rule_light(f, WarningRule::kInvestmentBehind, ymd(2022, 1, 1)), std::nullopt);  // nothing elapsed
    auto g = f;
    g.approved_investment = Money::from_fen(25'000'000);
    const auto reason = *reason_of(evaluate_light(g, kRules, half), WarningRule::kInvestmentBehind);
    EXPECT_EQ(reason_text_zh(reason), "累计完成投资占总投资25.0%，落后序时进度（50.0%）25.0个百分点");
}

TEST(WarningLight, CoordinationItemPastItsDeadline) {
    auto f = facts(Stage::kSigned);
    f.overdue_items = 2;
    f.earliest_overdue_deadline = ymd(2022, 5, 31);
    check_edges(f, WarningRule::kCoordinationOverdue,
                {{ymd(2022, 5, 31), std::nullopt},
                 {ymd(2022, 6, 1), Light::kYellow},
                 {ymd(2022, 6, 30), Light::kYellow},  // day 30
                 {ymd(2022, 7, 1), Light::kRed}});
    EXPECT_EQ(reason_text_zh(*reason_of(evaluate_light(f, kRules, ymd(2022, 6, 12)), WarningRule::kCoordinationOverdue)),
              "2项问题诉求已过办结时限，最早时限2022-05-31已过12天");
}

TEST(WarningLight, NotInTheStatisticsAfterOneMonthYellowAfterTwoRed) {
    auto f = facts(Stage::kStarted);
    f.actual.start = ymd(2022, 3, 15);
    check_edges(f, WarningRule::kStatsEntryMissing,
                {{ymd(2022, 4, 14), std::nullopt},
                 {ymd(2022, 4, 15), std::nullopt},  // a month ends on the corresponding day
                 {ymd(2022, 4, 16), Light::kYellow},
                 {ymd(2022, 5, 15), Light::kYellow},
                 {ymd(2022, 5, 16), Light::kRed}});
    f.actual.start = ymd(2022, 1, 31);  // no 31 February: the month ends on its last day
    check_edges(f, WarningRule::kStatsEntryMissing, {{ymd(2022, 2, 28), std::nullopt}, {ymd(2022, 3, 1), Light::kYellow}});
    f.stats_entry_date = ymd(2022, 2, 20);
    EXPECT_EQ(rule_light(f, WarningRule::kStatsEntryMissing, ymd(2022, 9, 1)), std::nullopt);
}

TEST(WarningLight, ApprovalAboutToLapseWithoutAStart) {
    auto f = facts(Stage::kSigned);
    f.approval = Approval{ApprovalKind::kFiling, ymd(2022, 3, 1), "某某局", "", std::nullopt};
    const Date lapse = lapse_date(*f.approval);
    check_edges(f, WarningRule::kApprovalLapse,
                {{lapse.add_days(-91), std::nullopt},
                 {lapse.add_days(-90), Light::kYellow},
                 {lapse.add_days(-1), Light::kYellow},
                 {lapse, Light::kRed}});
    const auto yellow = *reason_of(evaluate_light(f, kRules, lapse.add_days(-45)), WarningRule::kApprovalLapse);
    EXPECT_EQ(reason_text_zh(yellow), "备案将于" + lapse.iso() + "失效（剩余45天），仍未开工");
    const auto red = *reason_of(evaluate_light(f, kRules, lapse), WarningRule::kApprovalLapse);
    EXPECT_EQ(reason_text_en(red), "the filing lapsed on " + lapse.iso() + "; not started");
    f.actual.start = ymd(2022, 6, 1);
    EXPECT_EQ(rule_light(f, WarningRule::kApprovalLapse, lapse), std::nullopt);
}

TEST(WarningLight, CommitmentsMissedInAFullYearAtCapacity) {
    auto f = facts(Stage::kAtCapacity);
    f.actual.capacity = ymd(2022, 6, 30);
    f.agreement = CapacityAgreement{Money::from_fen(1'000'000), Money::from_fen(100'000), 10, 0};
    const auto with = [&](int year, std::int64_t output, std::int64_t tax) {
        auto g = f;
        g.latest_realised = AnnualRealisation{year, Money::from_fen(output), Money::from_fen(tax), 10};
        return rule_light(g, WarningRule::kCommitmentMissed, ymd(2024, 2, 1));
    };
    EXPECT_EQ(with(2022, 0, 0), std::nullopt);  // the year capacity was reached does not count
    EXPECT_EQ(with(2023, 800'000, 80'000), std::nullopt);  // exactly 80%
    EXPECT_EQ(with(2023, 799'999, 80'000), Light::kYellow);
    EXPECT_EQ(with(2023, 800'000, 50'000), Light::kYellow);  // exactly 50%
    EXPECT_EQ(with(2023, 800'000, 49'999), Light::kRed);
    auto g = f;
    g.latest_realised = AnnualRealisation{2023, Money::from_fen(620'000), Money::from_fen(45'000), 10};
    EXPECT_EQ(reason_text_zh(*reason_of(evaluate_light(g, kRules, ymd(2024, 2, 1)), WarningRule::kCommitmentMissed)),
              "2023年实际产值为协议的62.0%、税收为协议的45.0%，低于50%");
}

TEST(WarningLight, TheWorstReasonDecidesAndEveryReasonIsListed) {
    auto f = facts(Stage::kSigned);
    f.planned.start = ymd(2022, 3, 1);
    f.overdue_items = 1;
    f.earliest_overdue_deadline = ymd(2022, 1, 1);
    const auto light = evaluate_light(f, kRules, ymd(2022, 3, 10));
    EXPECT_EQ(light.light, Light::kRed);
    ASSERT_EQ(light.reasons.size(), 2u);
    EXPECT_EQ(light.reasons[0].rule, WarningRule::kStartOverdue);
    EXPECT_EQ(light.reasons[0].light, Light::kYellow);
    EXPECT_EQ(light.reasons[1].rule, WarningRule::kCoordinationOverdue);
    EXPECT_EQ(light.reasons[1].light, Light::kRed);
    EXPECT_EQ(evaluate_light(facts(Stage::kSigned), kRules, ymd(2022, 3, 10)).light, Light::kGreen);
}

TEST(WarningLight, SuspendedAndCancelledProjectsAreNotWatched) {
    auto f = facts(Stage::kSigned);
    f.planned.start = ymd(2022, 3, 1);
    for (auto status : {ProjectStatus::kSuspended, ProjectStatus::kCancelled}) {
        f.status = status;
        const auto light = evaluate_light(f, kRules, ymd(2023, 1, 1));
        EXPECT_EQ(light.light, Light::kGreen);
        EXPECT_TRUE(light.reasons.empty());
    }
}

TEST(WarningLight, ThresholdsComeFromTheRules) {
    auto f = facts(Stage::kSigned);
    f.planned.start = ymd(2022, 3, 1);
    WarningRules strict = kRules;
    strict.start_overdue_red_days = 10;
    EXPECT_EQ(rule_light(f, WarningRule::kStartOverdue, ymd(2022, 3, 11), strict), Light::kYellow);
    EXPECT_EQ(rule_light(f, WarningRule::kStartOverdue, ymd(2022, 3, 12), strict), Light::kRed);
}

TEST(WarningLight, ReasonsRoundTripThroughTheirStoredForm) {
    const std::vector<LightReason> reasons{{WarningRule::kStartOverdue, Light::kYellow, {19052, 45}},
                                           {WarningRule::kReportMissing, Light::kRed, {3, -1}},
                                           {WarningRule::kCommitmentMissed, Light::kRed, {2023, 6200, -1, 50}}};
    const auto text = encode_reasons(reasons);
    EXPECT_EQ(text, "start_overdue:yellow:19052,45;report_missing:red:3,-1;commitment_missed:red:2023,6200,-1,50");
    EXPECT_EQ(decode_reasons(text), reasons);
    EXPECT_TRUE(decode_reasons("").empty());
    EXPECT_TRUE(decode_reasons("no_such_rule:red:1").empty());
}

TEST(WarningLight, ANewProjectsFactsAreOnItsRecord) {
    auto p = testing::make_project();  // signed, planned to start 2022-09-01
    p.realised = {{2024, Money::from_fen(5), Money::from_fen(6), 1}, {2023, Money::from_fen(1), Money::from_fen(2), 1}};
    const auto f = facts_of_new(p);
    EXPECT_EQ(f.project_id, p.id);
    EXPECT_EQ(f.planned, p.planned);
    ASSERT_TRUE(f.latest_realised);
    EXPECT_EQ(f.latest_realised->year, 2024);
    EXPECT_EQ(f.overdue_items, 0);
    EXPECT_EQ(evaluate_light(f, kRules, ymd(2022, 9, 2)).light, Light::kYellow);
}

TEST(WarningLight, NamesRoundTrip) {
    for (const auto rule : all_warning_rules()) EXPECT_EQ(warning_rule_from_string(to_string(rule)), rule);
    for (const auto light : {Light::kGreen, Light::kYellow, Light::kRed}) EXPECT_EQ(light_from_string(to_string(light)), light);
    EXPECT_EQ(all_warning_rules().size(), 9u);
}

}  // namespace warning_light_test
}  // namespace sanpi::domain
