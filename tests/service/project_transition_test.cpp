// The explicit move: apply_transition on a bare project (no store), then the use case on both
// backends (scope, version, project and history written together).
#include "service/project_transition.hpp"

#include <algorithm>

#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::Date;
using domain::Project;
using domain::ProjectStatus;
using domain::Stage;
using domain::StageChange;
using service::TransitionRequest;

Date day(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

const Date kToday = day(2024, 1, 15);

std::vector<std::string> fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
}

Project signed_on(Date date) {
    Project p;
    p.stage = Stage::kSigned;
    p.actual.sign = date;
    return p;
}

TEST(ApplyTransition, ForwardMoveKeepsTheEvidenceAsTheRecordsText) {
    Project p;
    auto change = service::apply_transition(p, {Stage::kStarted, day(2023, 6, 22), "  开工仪式照片见附件 ", ""}, kToday,
                                            std::nullopt);
    ASSERT_TRUE(change) << change.error().message.en;
    EXPECT_EQ(change->reason, "开工仪式照片见附件");
    EXPECT_EQ(change->date, day(2023, 6, 22));
    EXPECT_FALSE(change->correction);
    EXPECT_EQ(p.actual.sign, day(2023, 6, 22));
    EXPECT_EQ(p.stage, Stage::kStarted);
}

TEST(ApplyTransition, StageMachineErrorsNameTheRequestsFields) {
    struct Case {
        TransitionRequest request;
        ProjectStatus status;
        std::string field;
    };
    const std::vector<Case> cases = {
        {{Stage::kStarted, day(2023, 5, 1), "", ""}, ProjectStatus::kActive, "date"},    // before signing
        {{Stage::kStarted, day(2024, 1, 16), "", ""}, ProjectStatus::kActive, "date"},   // future
        {{Stage::kStarted, std::nullopt, "", ""}, ProjectStatus::kActive, "date"},       // missing
        {{Stage::kReserve, day(2023, 7, 1), "", ""}, ProjectStatus::kActive, "reason"},  // correction
        {{Stage::kSigned, day(2023, 7, 1), "", ""}, ProjectStatus::kActive, "to"},       // already signed
        {{Stage::kStarted, day(2023, 7, 1), "", ""}, ProjectStatus::kCancelled, "to"},
        {{ProjectStatus::kActive, std::nullopt, "", "恢复"}, ProjectStatus::kActive, "to"},  // not suspended
        {{ProjectStatus::kSuspended, std::nullopt, "", " "}, ProjectStatus::kActive, "reason"},
        {{ProjectStatus::kActive, std::nullopt, "", ""}, ProjectStatus::kSuspended, "reason"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        Project p = signed_on(day(2023, 6, 1));
        p.status = cases[i].status;
        auto change = service::apply_transition(p, cases[i].request, kToday, std::nullopt);
        ASSERT_FALSE(change) << i;
        EXPECT_EQ(fields(change.error()), std::vector<std::string>{cases[i].field}) << i;
    }
}

TEST(ApplyTransition, TextsMustBeValidBoundedAndWithoutNul) {
    const std::string texts[] = {std::string("\xff\xfe"), std::string("a\0b", 3), std::string(2001, 'x')};
    for (const auto& text : texts) {
        Project p;
        auto change = service::apply_transition(p, {Stage::kSigned, day(2023, 6, 1), text, ""}, kToday, std::nullopt);
        ASSERT_FALSE(change);
        EXPECT_EQ(fields(change.error()), std::vector<std::string>{"evidence"});
        EXPECT_EQ(p.stage, Stage::kReserve);
    }
    Project p;
    EXPECT_TRUE(service::apply_transition(p, {Stage::kSigned, day(2023, 6, 1), std::string(2000, 'x'), ""}, kToday,
                                          std::nullopt));
}

TEST(ApplyTransition, StatusChangeIsDatedTodayUnlessGivenAndNeverBeforeTheLastDate) {
    Project p = signed_on(day(2023, 6, 1));
    auto suspended =
        service::apply_transition(p, {ProjectStatus::kSuspended, std::nullopt, "", "停工"}, kToday, std::nullopt);
    ASSERT_TRUE(suspended);
    EXPECT_EQ(suspended->date, kToday);
    EXPECT_EQ(p.status, ProjectStatus::kSuspended);

    Project q = signed_on(day(2023, 6, 1));
    auto too_early =
        service::apply_transition(q, {ProjectStatus::kSuspended, day(2023, 8, 1), "", "停工"}, kToday, day(2023, 9, 1));
    ASSERT_FALSE(too_early);
    EXPECT_EQ(fields(too_early.error()), std::vector<std::string>{"date"});
}

TEST(ApplyTransition, LastStatusDateSkipsStageMovesAndUndatedRecords) {
    StageChange move{
        1, Stage::kReserve, Stage::kSigned, ProjectStatus::kActive, ProjectStatus::kActive, day(2023, 12, 1), false,
        ""};
    StageChange suspend{
        1,     Stage::kSigned, Stage::kSigned, ProjectStatus::kActive, ProjectStatus::kSuspended, day(2023, 9, 1),
        false, "停工"};
    StageChange undated = suspend;  // as PATCH records a status change
    undated.date.reset();
    EXPECT_EQ(service::last_status_date({move, suspend, undated}), day(2023, 9, 1));
    EXPECT_EQ(service::last_status_date({move, undated}), std::nullopt);
}

class ProjectTransitionServiceTest : public ServiceTest {
protected:
    std::int64_t new_project() {
        service::ProjectPatch p;
        p.name = "测试储能项目";
        p.zone_id = zone("taiyuan-zgq").id;
        p.industry_code = "new_energy";
        p.total_investment = domain::Money::from_fen(5'000'000'000);
        return projects().create(as("taiyuan-zgq"), p).value().project.id;
    }
};

TEST_P(ProjectTransitionServiceTest, MoveWritesProjectAndHistoryTogetherOrNotAtAll) {
    const auto id = new_project();
    const auto zone_user = as("taiyuan-zgq");
    auto moved = projects().transition(zone_user, id, 1, {Stage::kSigned, day(2023, 6, 1), "签约", ""});
    ASSERT_TRUE(moved) << moved.error().message.en;
    EXPECT_EQ(moved->project.version, 2);
    EXPECT_EQ(projects().history(zone_user, id).value().size(), 1u);

    auto stale = projects().transition(zone_user, id, 1, {Stage::kStarted, day(2023, 7, 1), "", ""});
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
    auto invalid = projects().transition(zone_user, id, 2, {ProjectStatus::kSuspended, day(2023, 7, 1), "", ""});
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidInput);
    auto elsewhere = projects().transition(as("datong-etdz"), id, 2, {Stage::kStarted, day(2023, 7, 1), "", ""});
    ASSERT_FALSE(elsewhere);
    EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
    auto viewer = projects().transition(as("viewer"), id, 2, {Stage::kStarted, day(2023, 7, 1), "", ""});
    ASSERT_FALSE(viewer);
    EXPECT_EQ(viewer.error().code, ErrorCode::kForbidden);

    EXPECT_EQ(projects().get(zone_user, id).value().project.version, 2);
    EXPECT_EQ(projects().history(zone_user, id).value().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectTransitionServiceTest, ::testing::ValuesIn(all_backends()),
                         backend_param_name);

}  // namespace
}  // namespace sanpi::testing
