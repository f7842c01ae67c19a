// Supervision notices through the service on both backends: the whole workflow with its history
// and audit entries, each refusal (scope, role, state, version, bad words) writing nothing, and the
// list's filters and counts within scope.
#include "notice_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::NoticeLevel;
using domain::NoticeStatus;
using domain::NoticeStep;
using domain::NoticeTarget;

std::vector<std::string> fields_of(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
}

class NoticeServiceTest : public NoticeTest {};

TEST_P(NoticeServiceTest, SupervisorIssuesZoneRespondsCityCommentsSupervisorCloses) {
    const auto project = zgq_project();
    const auto made = issued("supervisor", on_project(project, ymd(2024, 1, 31)));
    const auto& n = made.record.notice;
    EXPECT_EQ(n.status, NoticeStatus::kIssued);
    EXPECT_EQ(n.level, NoticeLevel::kProvince);  // a supervisor acts for the province
    EXPECT_EQ(n.zone_id, zone("taiyuan-zgq").id);
    EXPECT_EQ(made.record.issued_by_name, "supervisor");
    EXPECT_EQ(made.record.city_code, "140100");
    EXPECT_FALSE(made.overdue);
    ASSERT_EQ(made.history.size(), 1u);
    EXPECT_EQ(made.history[0].step, NoticeStep::kIssue);

    auto responded = step("taiyuan-zgq", made, NoticeStep::kRespond, "已整改");
    ASSERT_TRUE(responded) << responded.error().message.en;
    EXPECT_EQ(responded->record.notice.status, NoticeStatus::kResponded);
    EXPECT_EQ(responded->record.notice.version, 2);
    auto commented = step("taiyuan", *responded, NoticeStep::kComment, "请持续跟踪");
    ASSERT_TRUE(commented) << commented.error().message.en;
    EXPECT_EQ(commented->record.notice.status, NoticeStatus::kResponded);
    auto closed = step("supervisor", *commented, NoticeStep::kClose, "办结");
    ASSERT_TRUE(closed) << closed.error().message.en;
    EXPECT_EQ(closed->record.notice.status, NoticeStatus::kClosed);
    EXPECT_TRUE(closed->allowed == std::vector<NoticeStep>{NoticeStep::kReopen});

    auto read = notices().get(as("taiyuan-zgq"), n.id);
    ASSERT_TRUE(read);
    std::vector<std::string> steps, by, texts;
    for (const auto& e : read->history) {
        steps.emplace_back(domain::to_string(e.step));
        by.push_back(e.user_name);
        texts.push_back(e.text.value_or(""));
    }
    EXPECT_EQ(steps, (std::vector<std::string>{"issue", "respond", "comment", "close"}));
    EXPECT_EQ(by, (std::vector<std::string>{"supervisor", "taiyuan-zgq", "taiyuan", "supervisor"}));
    EXPECT_EQ(texts, (std::vector<std::string>{"项目开工滞后", "已整改", "请持续跟踪", "办结"}));
    EXPECT_TRUE(read->allowed.empty());  // the zone has nothing more to do

    std::vector<std::string> actions;
    for (const auto& e : audit_of("notice", n.id)) actions.push_back(e.action);
    std::sort(actions.begin(), actions.end());
    EXPECT_EQ(actions, (std::vector<std::string>{"notice.close", "notice.comment", "notice.issue", "notice.respond"}));
    for (const auto& e : audit_of("notice", n.id)) {
        if (e.action != "notice.respond") continue;
        bool found = false;
        for (const auto& c : e.changes) found = found || (c.field == "response" && c.after == "已整改");
        EXPECT_TRUE(found);
    }
}

TEST_P(NoticeServiceTest, TargetsAreCheckedInTheIssuersScopeAndNothingIsWrittenOnARefusal) {
    const auto audit_before = audit_count();
    // The city of Taiyuan cannot reach a Datong project: the same answer as for no project at all.
    for (const std::int64_t id : {datong_project(), std::int64_t{999999}}) {
        auto r = notices().issue(as("taiyuan"), on_project(id, ymd(2024, 1, 31)));
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
        EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"target_id"});
    }
    auto zone_outside =
        notices().issue(as("taiyuan"), {NoticeTarget::kZone, zone("datong-etdz").id, "问题", "要求", ymd(2024, 1, 31)});
    ASSERT_FALSE(zone_outside);
    EXPECT_EQ(fields_of(zone_outside.error()), std::vector<std::string>{"target_id"});
    for (const char* who : {"taiyuan-zgq", "viewer"}) {
        auto r = notices().issue(as(who), on_project(zgq_project(), ymd(2024, 1, 31)));
        ASSERT_FALSE(r) << who;
        EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << who;
    }
    // Every bad field at once.
    service::NoticeInput bad{std::nullopt, std::nullopt, std::string(" "), std::nullopt, ymd(2024, 1, 14)};
    auto invalid = notices().issue(as("supervisor"), bad);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(fields_of(invalid.error()),
              (std::vector<std::string>{"target", "target_id", "action_requested", "problem", "deadline"}));
    EXPECT_TRUE(all_notices().empty());
    EXPECT_EQ(audit_count(), audit_before);
}

TEST_P(NoticeServiceTest, ACoordinationItemsNoticeBelongsToItsProjectAndZone) {
    store::CoordinationQuery q;
    q.zone_id = zone("taiyuan-zgq").id;
    q.limit = 1;
    auto items = coordination().list(as("province"), q);
    ASSERT_TRUE(items && !items->items.empty());
    const auto& item = items->items.front().record;
    auto made = issued("taiyuan", {NoticeTarget::kCoordinationItem, item.item.id, "问题诉求超期", "限期解决",
                                   ymd(2024, 1, 15)});  // today is allowed
    EXPECT_EQ(made.record.notice.coordination_item_id, item.item.id);
    EXPECT_EQ(made.record.notice.project_id, item.item.project_id);
    EXPECT_EQ(made.record.notice.level, NoticeLevel::kCity);
    EXPECT_EQ(made.record.item_description, item.item.description);
    store::NoticeQuery by_project;
    by_project.project_id = item.item.project_id;
    auto listed = notices().list(as("taiyuan-zgq"), by_project);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->page.items.size(), 1u);
    EXPECT_EQ(listed->page.items[0].record.notice.id, made.record.notice.id);
}

TEST_P(NoticeServiceTest, StepsOutsideScopeRoleOrStateAreRefusedAndWriteNothing) {
    const auto made = issued("taiyuan", on_project(zgq_project(), ymd(2024, 1, 31)));
    const auto id = made.record.notice.id;
    const auto audit_before = audit_count();
    const auto expect = [&](const std::string& who, NoticeStep s, std::string text, ErrorCode code,
                            std::int64_t version = 1, std::optional<domain::Date> deadline = std::nullopt) {
        auto r = notices().step(as(who), id, version, s, {std::move(text), deadline});
        ASSERT_FALSE(r) << who << " " << domain::to_string(s);
        EXPECT_EQ(r.error().code, code) << who << " " << domain::to_string(s) << ": " << r.error().message.en;
    };
    expect("taiyuan-bxg", NoticeStep::kRespond, "x", ErrorCode::kNotFound);  // another zone
    expect("datong", NoticeStep::kComment, "x", ErrorCode::kNotFound);       // another city
    expect("taiyuan", NoticeStep::kRespond, "x", ErrorCode::kForbidden);     // not the zone
    expect("province", NoticeStep::kComment, "x", ErrorCode::kForbidden);
    expect("viewer", NoticeStep::kClose, "x", ErrorCode::kForbidden);
    expect("supervisor", NoticeStep::kReopen, "x", ErrorCode::kConflict);       // nothing to send back
    expect("taiyuan-zgq", NoticeStep::kRespond, "x", ErrorCode::kConflict, 7);  // stale version
    expect("taiyuan-zgq", NoticeStep::kRespond, "  ", ErrorCode::kInvalidInput);
    expect("taiyuan-zgq", NoticeStep::kRespond, std::string(2001, 'a'), ErrorCode::kInvalidInput);
    expect("taiyuan-zgq", NoticeStep::kRespond, "x", ErrorCode::kInvalidInput, 1, ymd(2024, 2, 1));  // no deadline here
    EXPECT_FALSE(notices().get(as("taiyuan-bxg"), id));
    auto still = notices().get(as("province"), id);
    ASSERT_TRUE(still);
    EXPECT_EQ(still->record.notice.version, 1);
    EXPECT_EQ(still->history.size(), 1u);
    EXPECT_EQ(audit_count(), audit_before);

    auto responded = step("taiyuan-zgq", made, NoticeStep::kRespond, "已办");
    ASSERT_TRUE(responded);
    auto again = step("taiyuan-zgq", *responded, NoticeStep::kRespond, "再次");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    auto past = step("taiyuan", *responded, NoticeStep::kReopen, "不够具体", ymd(2024, 1, 14));
    ASSERT_FALSE(past);
    EXPECT_EQ(fields_of(past.error()), std::vector<std::string>{"deadline"});
}

TEST_P(NoticeServiceTest, SendingBackReissuesWithANewDeadlineAndTheLevelAboveMayClose) {
    const auto made = issued("taiyuan", on_project(zgq_project(), ymd(2024, 1, 20)));
    auto responded = step("taiyuan-zgq", made, NoticeStep::kRespond, "正在推进");
    ASSERT_TRUE(responded);
    auto back = step("taiyuan", *responded, NoticeStep::kReopen, "请补充措施", ymd(2024, 2, 10));
    ASSERT_TRUE(back) << back.error().message.en;
    EXPECT_EQ(back->record.notice.status, NoticeStatus::kIssued);
    EXPECT_EQ(back->record.notice.deadline, ymd(2024, 2, 10));
    EXPECT_EQ(back->history.back().deadline, ymd(2024, 2, 10));
    auto closed = step("province", *back, NoticeStep::kClose, "省级办结");  // above the city's level
    ASSERT_TRUE(closed) << closed.error().message.en;
    auto reopened = step("taiyuan", *closed, NoticeStep::kReopen, "问题反弹");
    ASSERT_TRUE(reopened) << reopened.error().message.en;
    EXPECT_EQ(reopened->record.notice.deadline, ymd(2024, 2, 10));  // kept when none is given
}

TEST_P(NoticeServiceTest, ListsAreScopedFilteredAndCounted) {
    const auto zgq = zgq_project();
    const auto a = issued("supervisor", on_project(zgq, ymd(2024, 1, 15)));
    const auto b = issued("taiyuan", on_project(zgq, ymd(2024, 1, 31)));
    const auto c = issued("supervisor", on_project(datong_project(), ymd(2024, 1, 15)));
    ASSERT_TRUE(step("taiyuan-zgq", b, NoticeStep::kRespond, "已办"));
    clock_.set(kTestNow + 86400);  // 2024-01-16: a and c are overdue

    auto all = notices().list(as("supervisor"), {});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->page.total, 3);
    EXPECT_EQ(all->counts, (store::NoticeCounts{2, 1, 0, 2}));
    auto city = notices().list(as("taiyuan"), {});
    ASSERT_TRUE(city);
    EXPECT_EQ(city->page.total, 2);
    EXPECT_EQ(city->counts, (store::NoticeCounts{1, 1, 0, 1}));
    EXPECT_EQ(notices().list(as("taiyuan-bxg"), {})->page.total, 0);
    EXPECT_EQ(notices().list(as("datong-etdz"), {})->page.total, 1);

    store::NoticeQuery overdue;
    overdue.overdue = true;
    auto late = notices().list(as("taiyuan"), overdue);
    ASSERT_TRUE(late);
    ASSERT_EQ(late->page.items.size(), 1u);
    EXPECT_EQ(late->page.items[0].record.notice.id, a.record.notice.id);
    EXPECT_TRUE(late->page.items[0].overdue);
    EXPECT_EQ(late->counts.issued + late->counts.responded, 2);  // counts ignore status and overdue
    store::NoticeQuery level;
    level.level = NoticeLevel::kCity;
    EXPECT_EQ(notices().list(as("supervisor"), level)->page.total, 1);
    store::NoticeQuery status;
    status.status = NoticeStatus::kResponded;
    EXPECT_EQ(notices().list(as("supervisor"), status)->page.items.at(0).record.notice.id, b.record.notice.id);
    store::NoticeQuery in_city;
    in_city.city_code = "140200";
    EXPECT_EQ(notices().list(as("supervisor"), in_city)->page.items.at(0).record.notice.id, c.record.notice.id);
    store::NoticeQuery of_zone;
    of_zone.target = NoticeTarget::kZone;
    EXPECT_EQ(notices().list(as("supervisor"), of_zone)->page.total, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, NoticeServiceTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
