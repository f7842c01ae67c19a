#include "domain/stage_machine.hpp"

#include <gtest/gtest.h>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace stage_machine_test {

using testing::make_project;
using testing::only_field;
using testing::ymd;

const Date kToday = ymd(2022, 6, 30);

Project reserve_project() {
    Project p = make_project();
    p.stage = Stage::kReserve;
    p.actual = {};
    return p;
}

StageMove forward(Stage to, Date date) { return StageMove{to, date, std::nullopt}; }

TEST(StageMoveForward, ReachingSignedRecordsTheSignDate) {
    Project p = reserve_project();
    const auto change = apply_stage_move(p, forward(Stage::kSigned, ymd(2022, 6, 22)), kToday);
    ASSERT_TRUE(change);
    EXPECT_EQ(p.stage, Stage::kSigned);
    EXPECT_EQ(p.actual.sign, ymd(2022, 6, 22));
    EXPECT_EQ(p.actual.start, std::nullopt);
    EXPECT_EQ(change->project_id, p.id);
    EXPECT_EQ(change->from_stage, Stage::kReserve);
    EXPECT_EQ(change->to_stage, Stage::kSigned);
    EXPECT_EQ(change->from_status, ProjectStatus::kActive);
    EXPECT_EQ(change->to_status, ProjectStatus::kActive);
    EXPECT_EQ(change->date, ymd(2022, 6, 22));
    EXPECT_FALSE(change->correction);
    EXPECT_TRUE(change->reason.empty());
}

TEST(StageMoveForward, SkippingStagesFillsEveryMilestoneOnTheWay) {
    Project p = reserve_project();
    ASSERT_TRUE(apply_stage_move(p, forward(Stage::kProducing, ymd(2022, 6, 22)), kToday));
    EXPECT_EQ(p.stage, Stage::kProducing);
    EXPECT_EQ(p.actual.sign, ymd(2022, 6, 22));
    EXPECT_EQ(p.actual.start, ymd(2022, 6, 22));
    EXPECT_EQ(p.actual.production, ymd(2022, 6, 22));
    EXPECT_EQ(p.actual.capacity, std::nullopt);
}

TEST(StageMoveForward, KeepsMilestonesAlreadyRecorded) {
    Project p = make_project();  // signed on 2022-06-01
    ASSERT_TRUE(apply_stage_move(p, forward(Stage::kAtCapacity, ymd(2022, 6, 20)), kToday));
    EXPECT_EQ(p.actual.sign, ymd(2022, 6, 1));
    EXPECT_EQ(p.actual.start, ymd(2022, 6, 20));
    EXPECT_EQ(p.actual.capacity, ymd(2022, 6, 20));
}

TEST(StageMoveForward, AcceptsTheSameDayAsTheLastMilestoneAndToday) {
    Project p = make_project();
    ASSERT_TRUE(apply_stage_move(p, forward(Stage::kStarted, ymd(2022, 6, 1)), kToday));
    ASSERT_TRUE(apply_stage_move(p, forward(Stage::kProducing, kToday), kToday));
    EXPECT_EQ(p.actual.production, kToday);
}

TEST(StageMoveForward, RefusesADateBeforeTheLastMilestone) {
    Project p = make_project();
    p.stage = Stage::kStarted;
    p.actual.start = ymd(2022, 6, 10);
    const Project before = p;
    const auto change = apply_stage_move(p, forward(Stage::kProducing, ymd(2022, 6, 5)), kToday);
    ASSERT_FALSE(change);
    const auto& field = only_field(change.error());
    EXPECT_EQ(field.field, "stage_date");
    EXPECT_NE(field.message.zh.find("2022-06-10"), std::string::npos) << field.message.zh;
    EXPECT_NE(field.message.en.find("2022-06-10"), std::string::npos) << field.message.en;
    EXPECT_EQ(p.stage, before.stage);
    EXPECT_EQ(p.actual, before.actual);
}

TEST(StageMoveForward, RefusesAFutureDate) {
    Project p = reserve_project();
    const auto change = apply_stage_move(p, forward(Stage::kSigned, kToday.add_days(1)), kToday);
    ASSERT_FALSE(change);
    EXPECT_EQ(only_field(change.error()).field, "stage_date");
    EXPECT_NE(only_field(change.error()).message.en.find("future"), std::string::npos);
    EXPECT_EQ(p.stage, Stage::kReserve);
    EXPECT_EQ(p.actual, Milestones{});
}

TEST(StageMove, RefusesTheCurrentStage) {
    Project p = make_project();
    const auto change = apply_stage_move(p, forward(Stage::kSigned, ymd(2022, 6, 2)), kToday);
    ASSERT_FALSE(change);
    EXPECT_EQ(only_field(change.error()).field, "stage");
}

TEST(StageMove, RefusesCancelledAndSuspendedProjects) {
    Project cancelled = make_project();
    cancelled.status = ProjectStatus::kCancelled;
    auto change = apply_stage_move(cancelled, forward(Stage::kStarted, ymd(2022, 6, 2)), kToday);
    ASSERT_FALSE(change);
    EXPECT_EQ(only_field(change.error()).field, "stage");
    EXPECT_NE(only_field(change.error()).message.en.find("cancelled"), std::string::npos);

    Project suspended = make_project();
    suspended.status = ProjectStatus::kSuspended;
    change = apply_stage_move(suspended, forward(Stage::kStarted, ymd(2022, 6, 2)), kToday);
    ASSERT_FALSE(change);
    EXPECT_EQ(only_field(change.error()).field, "stage");
    EXPECT_NE(only_field(change.error()).message.en.find("resume the project first"), std::string::npos);
    EXPECT_EQ(suspended.stage, Stage::kSigned);
}

TEST(StageMoveBackward, NeedsAReason) {
    Project p = make_project();
    p.stage = Stage::kStarted;
    p.actual.start = ymd(2022, 6, 10);
    for (const std::optional<std::string>& reason :
         {std::optional<std::string>{}, std::optional<std::string>{""}, std::optional<std::string>{" \t "}}) {
        const auto change = apply_stage_move(p, StageMove{Stage::kSigned, ymd(2022, 6, 20), reason}, kToday);
        ASSERT_FALSE(change);
        EXPECT_EQ(only_field(change.error()).field, "correction_reason");
        EXPECT_EQ(p.stage, Stage::kStarted);
        EXPECT_EQ(p.actual.start, ymd(2022, 6, 10));
    }
}

TEST(StageMoveBackward, WithAReasonClearsLaterMilestones) {
    Project p = make_project();
    ASSERT_TRUE(apply_stage_move(p, forward(Stage::kProducing, ymd(2022, 6, 10)), kToday));
    const auto change =
        apply_stage_move(p, StageMove{Stage::kSigned, ymd(2022, 6, 20), std::string("开工日期录入有误")}, kToday);
    ASSERT_TRUE(change);
    EXPECT_EQ(p.stage, Stage::kSigned);
    EXPECT_EQ(p.actual.sign, ymd(2022, 6, 1));
    EXPECT_EQ(p.actual.start, std::nullopt);
    EXPECT_EQ(p.actual.production, std::nullopt);
    EXPECT_TRUE(change->correction);
    EXPECT_EQ(change->reason, "开工日期录入有误");
    EXPECT_EQ(change->from_stage, Stage::kProducing);
    EXPECT_EQ(change->to_stage, Stage::kSigned);
    EXPECT_EQ(change->date, ymd(2022, 6, 20));
}

TEST(StageMoveBackward, ToReserveClearsEverything) {
    Project p = make_project();
    ASSERT_TRUE(apply_stage_move(p, StageMove{Stage::kReserve, ymd(2022, 6, 20), std::string("重复录入")}, kToday));
    EXPECT_EQ(p.stage, Stage::kReserve);
    EXPECT_EQ(p.actual, Milestones{});
}

TEST(StageMoveBackward, StillRefusesFutureDatesAndCancelledProjects) {
    Project p = make_project();
    EXPECT_FALSE(apply_stage_move(p, StageMove{Stage::kReserve, kToday.add_days(1), std::string("x")}, kToday));
    p.status = ProjectStatus::kCancelled;
    EXPECT_FALSE(apply_stage_move(p, StageMove{Stage::kReserve, kToday, std::string("x")}, kToday));
    EXPECT_EQ(p.stage, Stage::kSigned);
}

TEST(StatusChange, SuspendAndCancelNeedAReason) {
    for (const auto to : {ProjectStatus::kSuspended, ProjectStatus::kCancelled}) {
        Project p = make_project();
        const auto change = apply_status_change(p, to, "  ");
        ASSERT_FALSE(change);
        EXPECT_EQ(only_field(change.error()).field, "status_reason");
        EXPECT_EQ(p.status, ProjectStatus::kActive);
    }
}

TEST(StatusChange, SuspendThenResume) {
    Project p = make_project();
    const auto suspended = apply_status_change(p, ProjectStatus::kSuspended, "资金未到位");
    ASSERT_TRUE(suspended);
    EXPECT_EQ(p.status, ProjectStatus::kSuspended);
    EXPECT_EQ(suspended->from_status, ProjectStatus::kActive);
    EXPECT_EQ(suspended->to_status, ProjectStatus::kSuspended);
    EXPECT_EQ(suspended->from_stage, Stage::kSigned);
    EXPECT_EQ(suspended->to_stage, Stage::kSigned);
    EXPECT_EQ(suspended->reason, "资金未到位");
    EXPECT_EQ(suspended->date, std::nullopt);

    const auto resumed = apply_status_change(p, ProjectStatus::kActive, "");
    ASSERT_TRUE(resumed);
    EXPECT_EQ(p.status, ProjectStatus::kActive);
    EXPECT_TRUE(apply_stage_move(p, forward(Stage::kStarted, ymd(2022, 6, 25)), kToday));
}

TEST(StatusChange, CancelledIsFinal) {
    Project p = make_project();
    ASSERT_TRUE(apply_status_change(p, ProjectStatus::kSuspended, "停工"));
    ASSERT_TRUE(apply_status_change(p, ProjectStatus::kCancelled, "企业撤资"));
    for (const auto to : {ProjectStatus::kActive, ProjectStatus::kSuspended, ProjectStatus::kCancelled}) {
        const auto change = apply_status_change(p, to, "reason");
        ASSERT_FALSE(change);
        EXPECT_EQ(only_field(change.error()).field, "status");
    }
    EXPECT_EQ(p.status, ProjectStatus::kCancelled);
}

TEST(StatusChange, RefusesTheCurrentStatus) {
    Project p = make_project();
    const auto change = apply_status_change(p, ProjectStatus::kActive, "");
    ASSERT_FALSE(change);
    EXPECT_EQ(only_field(change.error()).field, "status");
}

TEST(MilestoneDate, MapsStagesToMilestones) {
    const Milestones m{ymd(2022, 1, 1), ymd(2022, 2, 1), ymd(2022, 3, 1), ymd(2022, 4, 1)};
    EXPECT_EQ(milestone_date(m, Stage::kReserve), std::nullopt);
    EXPECT_EQ(milestone_date(m, Stage::kSigned), ymd(2022, 1, 1));
    EXPECT_EQ(milestone_date(m, Stage::kStarted), ymd(2022, 2, 1));
    EXPECT_EQ(milestone_date(m, Stage::kProducing), ymd(2022, 3, 1));
    EXPECT_EQ(milestone_date(m, Stage::kAtCapacity), ymd(2022, 4, 1));
}

}  // namespace stage_machine_test
}  // namespace sanpi::domain
