// Supervision notices: the workflow as a table of (state, step, role) -> allowed / forbidden /
// conflict, overdue at the deadline's edges in China dates, issuing checks and the escalation once.
#include "domain/notice.hpp"

#include <gtest/gtest.h>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace notice_test {

using testing::field_names;
using Names = std::vector<std::string>;

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d).value(); }

Notice notice_at(NoticeStatus status, NoticeLevel level) {
    Notice n;
    n.id = 7;
    n.zone_id = 3;
    n.project_id = 11;
    n.status = status;
    n.level = level;
    n.problem = "问题";
    n.action_requested = "要求";
    n.deadline = ymd(2024, 1, 15);
    return n;
}

enum class Outcome { kAllowed, kForbidden, kConflict };

struct StepCase {
    NoticeStatus status;
    NoticeLevel level;
    NoticeStep step;
    Role role;
    Outcome outcome;
};

using S = NoticeStatus;
using L = NoticeLevel;
using St = NoticeStep;
using R = Role;
using O = Outcome;

// Roles first (a role the step is never for is forbidden whatever the state), then states.
const StepCase kCases[] = {
    {S::kIssued, L::kCity, St::kRespond, R::kZone, O::kAllowed},
    {S::kResponded, L::kCity, St::kRespond, R::kZone, O::kConflict},
    {S::kClosed, L::kCity, St::kRespond, R::kZone, O::kConflict},
    {S::kIssued, L::kCity, St::kRespond, R::kCity, O::kForbidden},
    {S::kIssued, L::kProvince, St::kRespond, R::kSupervisor, O::kForbidden},
    {S::kIssued, L::kCity, St::kRespond, R::kViewer, O::kForbidden},
    {S::kIssued, L::kCity, St::kComment, R::kCity, O::kAllowed},
    {S::kResponded, L::kProvince, St::kComment, R::kCity, O::kAllowed},
    {S::kClosed, L::kCity, St::kComment, R::kCity, O::kConflict},
    {S::kIssued, L::kCity, St::kComment, R::kZone, O::kForbidden},
    {S::kIssued, L::kCity, St::kComment, R::kProvince, O::kForbidden},
    {S::kResponded, L::kCity, St::kClose, R::kCity, O::kAllowed},
    {S::kIssued, L::kCity, St::kClose, R::kCity, O::kAllowed},
    {S::kResponded, L::kCity, St::kClose, R::kSupervisor, O::kAllowed},  // above the notice's level
    {S::kResponded, L::kProvince, St::kClose, R::kCity, O::kForbidden},  // below it
    {S::kResponded, L::kProvince, St::kClose, R::kProvince, O::kAllowed},
    {S::kClosed, L::kProvince, St::kClose, R::kSupervisor, O::kConflict},
    {S::kResponded, L::kCity, St::kClose, R::kZone, O::kForbidden},
    {S::kResponded, L::kCity, St::kClose, R::kViewer, O::kForbidden},
    {S::kResponded, L::kCity, St::kReopen, R::kCity, O::kAllowed},
    {S::kClosed, L::kProvince, St::kReopen, R::kSupervisor, O::kAllowed},
    {S::kIssued, L::kProvince, St::kReopen, R::kSupervisor, O::kConflict},  // nothing to send back
    {S::kResponded, L::kProvince, St::kReopen, R::kCity, O::kForbidden},
    {S::kResponded, L::kCity, St::kReopen, R::kZone, O::kForbidden},
};

TEST(NoticeWorkflow, EachStepByStateAndRole) {
    for (const auto& c : kCases) {
        const auto n = notice_at(c.status, c.level);
        const auto r = check_step(n, c.step, c.role);
        const std::string what = std::string(to_string(c.step)) + " on " + std::string(to_string(c.status)) + "/" +
                                 std::string(to_string(c.level)) + " by " + std::string(to_string(c.role));
        switch (c.outcome) {
            case O::kAllowed:
                EXPECT_TRUE(r) << what;
                break;
            case O::kForbidden:
                ASSERT_FALSE(r) << what;
                EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << what;
                break;
            case O::kConflict:
                ASSERT_FALSE(r) << what;
                EXPECT_EQ(r.error().code, ErrorCode::kConflict) << what;
                EXPECT_EQ(field_names(r.error().fields), Names{"status"}) << what;
                break;
        }
    }
}

TEST(NoticeWorkflow, IssueAndEscalateAreNeverUserSteps) {
    for (auto role : {R::kProvince, R::kCity, R::kZone, R::kSupervisor, R::kViewer}) {
        EXPECT_FALSE(check_step(notice_at(S::kIssued, L::kCity), St::kIssue, role));
        EXPECT_FALSE(check_step(notice_at(S::kIssued, L::kCity), St::kEscalate, role));
    }
}

TEST(NoticeWorkflow, AllowedStepsFollowTheTable) {
    EXPECT_EQ(allowed_steps(notice_at(S::kIssued, L::kCity), R::kZone), std::vector<St>{St::kRespond});
    EXPECT_EQ(allowed_steps(notice_at(S::kIssued, L::kCity), R::kCity), (std::vector<St>{St::kComment, St::kClose}));
    EXPECT_EQ(allowed_steps(notice_at(S::kResponded, L::kProvince), R::kSupervisor),
              (std::vector<St>{St::kClose, St::kReopen}));
    EXPECT_EQ(allowed_steps(notice_at(S::kResponded, L::kProvince), R::kCity), std::vector<St>{St::kComment});
    EXPECT_EQ(allowed_steps(notice_at(S::kClosed, L::kCity), R::kProvince), std::vector<St>{St::kReopen});
    EXPECT_TRUE(allowed_steps(notice_at(S::kIssued, L::kCity), R::kViewer).empty());
}

TEST(NoticeWorkflow, StepsMoveTheState) {
    const auto issued = notice_at(S::kIssued, L::kCity);
    EXPECT_EQ(apply_step(issued, St::kRespond).status, S::kResponded);
    EXPECT_EQ(apply_step(issued, St::kComment).status, S::kIssued);
    EXPECT_EQ(apply_step(issued, St::kClose).status, S::kClosed);
    const auto back = apply_step(notice_at(S::kResponded, L::kCity), St::kReopen, ymd(2024, 2, 1));
    EXPECT_EQ(back.status, S::kIssued);
    EXPECT_EQ(back.deadline, ymd(2024, 2, 1));
    EXPECT_EQ(apply_step(notice_at(S::kResponded, L::kCity), St::kReopen).deadline, ymd(2024, 1, 15));
}

TEST(NoticeOverdue, TheDeadlinesOwnDayIsOnTime) {
    auto n = notice_at(S::kIssued, L::kCity);  // due 2024-01-15
    EXPECT_FALSE(is_overdue(n, ymd(2024, 1, 14)));
    EXPECT_FALSE(is_overdue(n, ymd(2024, 1, 15)));
    EXPECT_TRUE(is_overdue(n, ymd(2024, 1, 16)));
    n.status = S::kResponded;
    EXPECT_TRUE(is_overdue(n, ymd(2024, 1, 16)));  // a response does not stop the clock; closing does
    n.status = S::kClosed;
    EXPECT_FALSE(is_overdue(n, ymd(2024, 1, 16)));
}

TEST(NoticeOverdue, EscalatesACityNoticeOnceTheDayAfterItsDeadline) {
    const auto n = notice_at(S::kIssued, L::kCity);
    EXPECT_FALSE(escalate_if_overdue(n, ymd(2024, 1, 14)));
    EXPECT_FALSE(escalate_if_overdue(n, ymd(2024, 1, 15)));
    const auto raised = escalate_if_overdue(n, ymd(2024, 1, 16));
    ASSERT_TRUE(raised);
    EXPECT_EQ(raised->level, L::kProvince);
    EXPECT_EQ(raised->escalated_on, ymd(2024, 1, 16));
    EXPECT_FALSE(escalate_if_overdue(*raised, ymd(2024, 1, 17)));  // once
    EXPECT_FALSE(escalate_if_overdue(notice_at(S::kIssued, L::kProvince), ymd(2024, 1, 16)));
    EXPECT_FALSE(escalate_if_overdue(notice_at(S::kClosed, L::kCity), ymd(2024, 1, 16)));
}

TEST(NoticeIssue, LevelIsTheIssuersAndZonesAndViewersIssueNothing) {
    const auto draft = notice_at(S::kClosed, L::kProvince);
    EXPECT_EQ(issue_notice(R::kSupervisor, draft, ymd(2024, 1, 15))->level, L::kProvince);
    EXPECT_EQ(issue_notice(R::kProvince, draft, ymd(2024, 1, 15))->level, L::kProvince);
    const auto city = issue_notice(R::kCity, draft, ymd(2024, 1, 15));
    ASSERT_TRUE(city);
    EXPECT_EQ(city->level, L::kCity);
    EXPECT_EQ(city->status, S::kIssued);
    EXPECT_EQ(issue_notice(R::kZone, draft, ymd(2024, 1, 15)).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(issue_notice(R::kViewer, draft, ymd(2024, 1, 15)).error().code, ErrorCode::kForbidden);
}

TEST(NoticeIssue, DeadlineNotInThePastTodayIncluded) {
    const auto draft = notice_at(S::kIssued, L::kCity);  // due 2024-01-15
    EXPECT_TRUE(issue_notice(R::kCity, draft, ymd(2024, 1, 14)));
    EXPECT_TRUE(issue_notice(R::kCity, draft, ymd(2024, 1, 15)));
    const auto late = issue_notice(R::kCity, draft, ymd(2024, 1, 16));
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(field_names(late.error().fields), Names{"deadline"});
}

TEST(NoticeIssue, EveryBadTextIsNamed) {
    auto draft = notice_at(S::kIssued, L::kCity);
    draft.problem = " \t\n";
    draft.action_requested = std::string(2001, 'x');
    draft.deadline = ymd(2024, 1, 1);
    const auto r = issue_notice(R::kSupervisor, draft, ymd(2024, 1, 15));
    ASSERT_FALSE(r);
    EXPECT_EQ(field_names(r.error().fields), (Names{"problem", "action_requested", "deadline"}));
    draft.problem = std::string("\xff\xfe");
    draft.action_requested = std::string(2000, 'x');
    draft.deadline = ymd(2024, 1, 15);
    EXPECT_EQ(field_names(issue_notice(R::kSupervisor, draft, ymd(2024, 1, 15)).error().fields), Names{"problem"});
    // 2000 characters of Chinese are 6000 bytes and still allowed.
    std::string zh;
    for (int i = 0; i < 2000; ++i) zh += "督";
    draft.problem = zh;
    EXPECT_TRUE(issue_notice(R::kSupervisor, draft, ymd(2024, 1, 15)));
}

TEST(NoticeNames, RoundTrip) {
    for (auto t : {NoticeTarget::kProject, NoticeTarget::kCoordinationItem, NoticeTarget::kZone}) {
        EXPECT_EQ(notice_target_from_string(to_string(t)), t);
    }
    for (auto s : {St::kIssue, St::kRespond, St::kComment, St::kClose, St::kReopen, St::kEscalate}) {
        EXPECT_EQ(notice_step_from_string(to_string(s)), s);
    }
    EXPECT_EQ(to_string(NoticeTarget::kCoordinationItem), "coordination_item");
    EXPECT_FALSE(notice_status_from_string("open"));
    EXPECT_FALSE(notice_level_from_string("zone"));
}

}  // namespace notice_test
}  // namespace sanpi::domain
