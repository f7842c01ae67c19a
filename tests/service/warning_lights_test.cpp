// Lights kept on write (project, report, coordination item writes), history rows on change only,
// the sweep idempotent and claimed once per day, and the demo's lights as the same refresh gives.
#include "warning_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Light;
using domain::WarningRule;

class WarningLightsTest : public WarningTest {};

TEST_P(WarningLightsTest, ProjectWritesKeepTheLightAndHistoryOnlyOnChange) {
    // Today is 2024-01-15: planned to start 2023-12-01, 45 days ago.
    auto made = signed_project(ymd(2023, 11, 1), ymd(2023, 12, 1));
    ASSERT_TRUE(made.light);
    EXPECT_EQ(made.light->light, Light::kYellow);
    ASSERT_EQ(made.light->reasons.size(), 1u);
    EXPECT_EQ(domain::reason_text_zh(made.light->reasons[0]), "计划开工日期2023-12-01已过45天仍未开工");
    const auto id = made.project.id;
    auto light = light_of(id);
    EXPECT_EQ(light.light, Light::kYellow);
    EXPECT_EQ(light.since, clock_.today());
    ASSERT_EQ(light.history.size(), 1u);
    EXPECT_EQ(light.history[0].from, Light::kGreen);
    EXPECT_EQ(light.history[0].to, Light::kYellow);

    service::ProjectPatch rename;
    rename.name = "亮灯测试项目（更名）";
    ASSERT_TRUE(projects().update(as("province"), id, 1, rename));
    EXPECT_EQ(light_of(id).history.size(), 1u);  // the same light: no history row

    service::ProjectPatch earlier;
    earlier.planned_start = std::optional(ymd(2023, 10, 1));  // 106 days ago
    auto moved = projects().update(as("province"), id, 2, earlier);
    ASSERT_TRUE(moved) << moved.error().message.en;
    EXPECT_EQ(moved->light->light, Light::kRed);
    EXPECT_EQ(light_of(id).history.size(), 2u);

    service::ProjectPatch start;
    start.stage_move = domain::StageMove{domain::Stage::kStarted, ymd(2024, 1, 10), std::nullopt};
    auto started = projects().update(as("province"), id, 3, start);
    ASSERT_TRUE(started) << started.error().message.en;
    EXPECT_EQ(started->light->light, Light::kGreen);
    light = light_of(id);
    EXPECT_EQ(light.light, Light::kGreen);
    EXPECT_TRUE(light.reasons.empty());
    ASSERT_EQ(light.history.size(), 3u);
    EXPECT_EQ(light.history[2].from, Light::kRed);
    EXPECT_EQ(light.history[2].to, Light::kGreen);
    auto detail = projects().get(as("province"), id);
    ASSERT_TRUE(detail && detail->light);
    EXPECT_EQ(detail->light->light, Light::kGreen);
}

TEST_P(WarningLightsTest, ApprovedReportsAndCoordinationItemsRefreshTheLight) {
    auto made = signed_project(ymd(2023, 8, 1), ymd(2023, 9, 1));
    const auto id = made.project.id;
    service::ProjectPatch start;
    start.stage_move = domain::StageMove{domain::Stage::kStarted, ymd(2023, 9, 5), std::nullopt};
    start.stats_entry_date = std::optional(ymd(2023, 9, 20));
    auto started = projects().update(as("province"), id, 1, start);
    ASSERT_TRUE(started) << started.error().message.en;
    // September to December ended without an approved report.
    EXPECT_EQ(started->light->light, Light::kRed);
    EXPECT_EQ(started->light->reasons.at(0).rule, WarningRule::kReportMissing);
    for (int m = 9; m <= 12; ++m) approved_report(id, domain::Month::from_ym(2023, m).value(), 1'000'000);
    EXPECT_EQ(light_of(id).light, Light::kGreen);

    service::CoordinationInput item;
    item.category = domain::CoordinationCategory::kUtilities;
    item.description = "施工用电接入";
    item.responsible_department = "供电公司";
    item.deadline = ymd(2024, 1, 20);
    auto raised = coordination().create(as("taiyuan-zgq"), id, item);
    ASSERT_TRUE(raised) << raised.error().message.en;
    EXPECT_EQ(light_of(id).light, Light::kGreen);  // not overdue yet

    clock_.set(kTestNow + 10 * 86400);  // 2024-01-25: five days past the deadline
    auto swept = warnings().sweep();
    ASSERT_TRUE(swept) << swept.error().message.en;
    auto light = light_of(id);
    EXPECT_EQ(light.light, Light::kYellow);
    ASSERT_EQ(light.reasons.size(), 1u);
    EXPECT_EQ(light.reasons[0].rule, WarningRule::kCoordinationOverdue);

    service::CoordinationInput working;
    working.status = domain::CoordinationStatus::kInProgress;
    ASSERT_TRUE(coordination().update(as("taiyuan-zgq"), raised->record.item.id, 1, working));
    EXPECT_EQ(light_of(id).light, Light::kYellow);  // in progress is still open
    service::CoordinationInput resolve;
    resolve.status = domain::CoordinationStatus::kResolved;
    resolve.resolution = "已接入临时用电";
    auto resolved = coordination().update(as("taiyuan-zgq"), raised->record.item.id, 2, resolve);
    ASSERT_TRUE(resolved) << resolved.error().message.en;
    EXPECT_EQ(light_of(id).light, Light::kGreen);
    // green→red (start overdue), red→yellow (two months still owed after October's approval),
    // yellow→green (December's), green→yellow (the item), yellow→green (resolved).
    const auto history = light_of(id).history;
    ASSERT_EQ(history.size(), 5u);
    EXPECT_EQ(history[1].to, Light::kYellow);
    EXPECT_EQ(history[3].to, Light::kYellow);
}

TEST_P(WarningLightsTest, TheDemoIsLitAsTheSweepWouldLightIt) {
    // The demo was loaded with this clock: a sweep of the same day finds nothing to change.
    auto first = warnings().sweep();
    ASSERT_TRUE(first) << first.error().message.en;
    EXPECT_TRUE(first->ran);
    EXPECT_EQ(first->projects, demo_.projects);
    EXPECT_EQ(first->changed, 0);
    auto list = warnings().list(as("province"), {});
    ASSERT_TRUE(list);
    EXPECT_GT(list->counts.red, 0);
    expect_kept_lights_equal_recomputation();
}

TEST_P(WarningLightsTest, TheSweepClaimsEachDayOnceAndASecondRunChangesNothing) {
    clock_.set(kTestNow + 60 * 86400);  // 2024-03-15: time passed
    auto first = warnings().sweep();
    ASSERT_TRUE(first) << first.error().message.en;
    EXPECT_TRUE(first->ran);
    EXPECT_GT(first->changed, 0);
    expect_kept_lights_equal_recomputation();
    const auto history_rows = [&] {
        std::int64_t n = 0;
        auto all = store::read_value<std::vector<std::pair<std::int64_t, store::StoredLight>>>(
            store(), [](store::Tx& tx) { return tx.all_stored_lights(); });
        for (const auto& [id, light] : *all) n += static_cast<std::int64_t>(light_of(id).history.size());
        return n;
    };
    const auto before = history_rows();
    auto again = warnings().sweep();  // another server, or another run, the same day
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->ran);
    auto forced = warnings().sweep(std::nullopt, true);
    ASSERT_TRUE(forced);
    EXPECT_TRUE(forced->ran);
    EXPECT_EQ(forced->changed, 0);
    EXPECT_EQ(history_rows(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, WarningLightsTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
