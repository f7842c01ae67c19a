// The daily sweep's notices on both backends: an overdue city notice raised to the province once
// (history and audit), the escalation ladder issuing at most one notice per project per rung and
// none on a second run, the ladder settings versioned and audited, and the demo's notices.
#include <set>

#include "notice_fixture.hpp"
#include "service/demo_notices.hpp"

namespace sanpi::testing {
namespace {

using domain::LadderStep;
using domain::Light;
using domain::NoticeLevel;
using domain::NoticeStatus;
using domain::NoticeStep;

class NoticeSweepTest : public NoticeTest {
protected:
    Result<service::NoticeSweepResult> sweep() { return service::sweep_notices(store(), clock_, clock_.today()); }
};

TEST_P(NoticeSweepTest, AnOverdueCityNoticeIsEscalatedOnceTheDayAfterItsDeadline) {
    const auto made = issued("taiyuan", on_project(zgq_project(), ymd(2024, 1, 15)));
    const auto id = made.record.notice.id;
    auto on_the_day = service::escalate_overdue_notices(store(), clock_, ymd(2024, 1, 15));
    ASSERT_TRUE(on_the_day);
    EXPECT_EQ(*on_the_day, 0);  // the deadline's own day is on time

    clock_.set(kTestNow + 86400);  // 2024-01-16
    auto first = service::escalate_overdue_notices(store(), clock_, clock_.today());
    ASSERT_TRUE(first) << first.error().message.en;
    EXPECT_EQ(*first, 1);
    auto second = service::escalate_overdue_notices(store(), clock_, clock_.today());
    ASSERT_TRUE(second);
    EXPECT_EQ(*second, 0);
    clock_.set(kTestNow + 5 * 86400);
    EXPECT_EQ(service::escalate_overdue_notices(store(), clock_, clock_.today()).value(), 0);  // once only

    auto read = notices().get(as("province"), id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->record.notice.level, NoticeLevel::kProvince);
    EXPECT_EQ(read->record.notice.escalated_on, ymd(2024, 1, 16));
    EXPECT_TRUE(read->overdue);
    ASSERT_EQ(read->history.size(), 2u);
    EXPECT_EQ(read->history[1].step, NoticeStep::kEscalate);
    EXPECT_FALSE(read->history[1].user_id);
    const auto entries = audit_of("notice", id);
    std::size_t escalations = 0;
    for (const auto& e : entries) {
        if (e.action != "notice.escalate") continue;
        ++escalations;
        EXPECT_EQ(e.actor_name, "system");
    }
    EXPECT_EQ(escalations, 1u);
    // Now at the province's level: the city may no longer close it.
    auto city_close = notices().step(as("taiyuan"), id, read->record.notice.version, NoticeStep::kClose, {"办结", {}});
    ASSERT_FALSE(city_close);
    EXPECT_EQ(city_close.error().code, ErrorCode::kForbidden);
}

TEST_P(NoticeSweepTest, TheLadderIssuesAtMostOneOpenNoticePerProjectPerRungAndNoneOnASecondRun) {
    // A project lit yellow today (45 days past its planned start), swept thirty days later.
    const auto p = signed_project(ymd(2023, 11, 1), ymd(2023, 12, 1));
    ASSERT_EQ(p.light->light, Light::kYellow);
    const auto first = sweep();
    ASSERT_TRUE(first) << first.error().message.en;
    EXPECT_GT(first->ladder_issued, 0);  // the demo's red projects reach the province's rung at once
    store::NoticeQuery mine;
    mine.project_id = p.project.id;
    EXPECT_EQ(notices().list(as("province"), mine)->page.total, 0);  // yellow for 0 of 30 days

    clock_.set(kTestNow + 29 * 86400);
    ASSERT_TRUE(service::sweep_lights(store(), clock_));
    EXPECT_EQ(notices().list(as("province"), mine)->page.total, 0);  // 29 days
    clock_.set(kTestNow + 30 * 86400);
    auto swept = service::sweep_lights(store(), clock_);
    ASSERT_TRUE(swept) << swept.error().message.en;
    auto listed = notices().list(as("province"), mine);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->page.items.size(), 1u);
    const auto& ladder_notice = listed->page.items[0].record;
    EXPECT_EQ(ladder_notice.notice.ladder_step, LadderStep::kYellowStreak);
    EXPECT_EQ(ladder_notice.notice.level, NoticeLevel::kCity);
    EXPECT_EQ(ladder_notice.notice.ladder_since, ymd(2024, 1, 15));
    EXPECT_EQ(ladder_notice.notice.deadline, ymd(2024, 2, 14).add_days(15));
    EXPECT_TRUE(ladder_notice.issued_by_name.empty());
    EXPECT_NE(ladder_notice.notice.problem.find("30天"), std::string::npos);
    EXPECT_NE(ladder_notice.notice.problem.find("开工"), std::string::npos);  // the light's reason

    // Forced again the same day: nothing new anywhere.
    auto again = service::sweep_lights(store(), clock_, std::nullopt, true);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->ran);
    EXPECT_EQ(again->ladder_notices, 0);
    EXPECT_EQ(again->notices_escalated, 0);

    std::map<std::pair<std::int64_t, std::string>, int> open;
    std::set<std::int64_t> red_projects;
    for (const auto& r : all_notices()) {
        if (!r.notice.ladder_step) continue;
        if (r.notice.status != NoticeStatus::kClosed) {
            ++open[{*r.notice.project_id, std::string(domain::to_string(*r.notice.ladder_step))}];
        }
        if (*r.notice.ladder_step == LadderStep::kRed) red_projects.insert(*r.notice.project_id);
    }
    for (const auto& [key, n] : open) EXPECT_EQ(n, 1) << "project " << key.first << " " << key.second;
    std::size_t red_now = 0;
    auto lights = store::read_value<std::vector<std::pair<std::int64_t, store::StoredLight>>>(
        store(), [](store::Tx& tx) { return tx.all_stored_lights(); });
    ASSERT_TRUE(lights);
    for (const auto& [id, light] : *lights) {
        if (light.light != Light::kRed) continue;
        ++red_now;
        EXPECT_EQ(red_projects.count(id), 1u) << "red project " << id << " has no red-rung notice";
    }
    EXPECT_GT(red_now, 0u);

    // Closed, the notice of this spell of light is not issued again.
    const auto view = notices().get(as("province"), ladder_notice.notice.id).value();
    ASSERT_TRUE(step("taiyuan", view, NoticeStep::kClose, "已督促"));
    EXPECT_EQ(service::apply_escalation_ladder(store(), clock_, clock_.today()).value(), 0);
    EXPECT_EQ(notices().list(as("province"), mine)->page.total, 1);
}

TEST_P(NoticeSweepTest, LadderNoticesAreAuditedAsTheSystems) {
    const auto first = sweep();
    ASSERT_TRUE(first);
    ASSERT_GT(first->ladder_issued, 0);
    std::int64_t issued_by_system = 0;
    for (const auto& e : whole_chain()) {
        if (e.action == "notice.issue" && e.actor_name == "system") ++issued_by_system;
    }
    EXPECT_EQ(issued_by_system, first->ladder_issued);
}

TEST_P(NoticeSweepTest, TheLadderIsChangedByTheProvinceOnlyVersionedAndAudited) {
    auto current = notices().ladder(as("viewer"));
    ASSERT_TRUE(current);
    EXPECT_EQ(current->ladder, domain::EscalationLadder{});
    EXPECT_FALSE(current->created_by);
    domain::EscalationLadder next;
    next.yellow_streak_days = 60;
    for (const char* who : {"taiyuan", "taiyuan-zgq", "supervisor", "viewer"}) {
        auto r = notices().update_ladder(as(who), 1, next);
        ASSERT_FALSE(r) << who;
        EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << who;
    }
    EXPECT_EQ(notices().update_ladder(as("province"), 2, next).error().code, ErrorCode::kConflict);
    domain::EscalationLadder bad;
    bad.city_deadline_days = 0;
    bad.red_after_days = -2;
    auto invalid = notices().update_ladder(as("province"), 1, bad);
    ASSERT_FALSE(invalid);
    std::vector<std::string> fields;
    for (const auto& f : invalid.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"red_after_days", "city_deadline_days"}));
    EXPECT_TRUE(audit_of("escalation_ladder").empty());

    auto stored = notices().update_ladder(as("province"), 1, next);
    ASSERT_TRUE(stored) << stored.error().message.en;
    EXPECT_EQ(stored->ladder.version, 2);
    EXPECT_EQ(stored->ladder.yellow_streak_days, 60);
    EXPECT_EQ(stored->created_by_name, "province");
    EXPECT_EQ(notices().ladder(as("taiyuan"))->ladder.version, 2);
    const auto entries = audit_of("escalation_ladder");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "escalation_ladder.update");
    ASSERT_EQ(entries[0].changes.size(), 1u);
    EXPECT_EQ(entries[0].changes[0].field, "yellow_streak_days");
    EXPECT_EQ(entries[0].changes[0].before, "30");
    EXPECT_EQ(entries[0].changes[0].after, "60");
    EXPECT_EQ(notices().update_ladder(as("province"), 1, next).error().code, ErrorCode::kConflict);
}

TEST_P(NoticeSweepTest, TheDemoGetsNoticesInEveryStateOnceThroughTheService) {
    auto added = service::load_demo_notices(store(), clock_);
    ASSERT_TRUE(added) << added.error().message.en;
    EXPECT_GE(*added, 6);
    std::set<std::string> states;
    int overdue = 0, escalated = 0, commented = 0;
    for (const auto& r : all_notices()) {
        states.insert(std::string(domain::to_string(r.notice.status)));
        if (domain::is_overdue(r.notice, clock_.today())) ++overdue;
        if (r.notice.escalated_on) ++escalated;
        const auto read = notices().get(as("supervisor"), r.notice.id);
        ASSERT_TRUE(read);
        for (const auto& e : read->history) {
            if (e.step == NoticeStep::kComment) ++commented;
        }
    }
    EXPECT_EQ(states, (std::set<std::string>{"closed", "issued", "responded"}));
    EXPECT_EQ(overdue, 2);
    EXPECT_EQ(escalated, 1);
    EXPECT_GE(commented, 2);
    EXPECT_EQ(static_cast<std::int64_t>(all_notices().size()), *added);
    std::int64_t issue_entries = 0;
    for (const auto& e : whole_chain()) issue_entries += e.action == "notice.issue" ? 1 : 0;
    EXPECT_EQ(issue_entries, *added);
    auto again = service::load_demo_notices(store(), clock_);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, 0);
    EXPECT_EQ(static_cast<std::int64_t>(all_notices().size()), *added);
}

INSTANTIATE_TEST_SUITE_P(Backends, NoticeSweepTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
