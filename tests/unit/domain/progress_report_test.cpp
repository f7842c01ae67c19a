#include "domain/progress_report.hpp"

#include <gtest/gtest.h>

#include <string>

#include "report_builders.hpp"

namespace sanpi::domain {
namespace progress_report_test {

using testing::make_report;
using testing::month;
using testing::only_field;
using testing::wan;

constexpr std::int64_t kZoneUser = 21;
constexpr std::int64_t kCityUser = 31;

ProgressReport in_status(ReportStatus status) {
    ProgressReport r = make_report();
    r.id = 5;
    r.status = status;
    if (status != ReportStatus::kDraft) r.submitted_by = kZoneUser;
    return r;
}

TEST(ReportStatusNames, RoundTripAndRefuseUnknown) {
    for (const auto s :
         {ReportStatus::kDraft, ReportStatus::kSubmitted, ReportStatus::kApproved, ReportStatus::kReturned}) {
        EXPECT_EQ(report_status_from_string(to_string(s)), s);
        EXPECT_FALSE(label_zh(s).empty());
    }
    EXPECT_EQ(to_string(ReportStatus::kReturned), "returned");
    EXPECT_EQ(label_zh(ReportStatus::kApproved), "已审核");
    EXPECT_EQ(report_status_from_string("Approved"), std::nullopt);
    EXPECT_EQ(report_status_from_string(""), std::nullopt);
}

TEST(ReportSubmit, FromDraftOrReturnedRecordsTheSubmitter) {
    for (const auto from : {ReportStatus::kDraft, ReportStatus::kReturned}) {
        SCOPED_TRACE(std::string(to_string(from)));
        ProgressReport r = in_status(from);
        r.submitted_by = std::nullopt;
        const auto submitted = submit_report(r, kZoneUser);
        ASSERT_TRUE(submitted);
        EXPECT_EQ(submitted->status, ReportStatus::kSubmitted);
        EXPECT_EQ(submitted->submitted_by, kZoneUser);
        EXPECT_EQ(r.status, from) << "the input is left as it was";
    }
}

TEST(ReportSubmit, KeepsTheLastReturnReasonForTheReviewer) {
    ProgressReport r = in_status(ReportStatus::kReturned);
    r.return_reason = "投资额与台账不符";
    const auto submitted = submit_report(r, kZoneUser);
    ASSERT_TRUE(submitted);
    EXPECT_EQ(submitted->return_reason, "投资额与台账不符");
}

struct RefusedStep {
    ReportStatus from;
    std::string step;
};

Result<ProgressReport> run(const std::string& step, const ProgressReport& r) {
    if (step == "submit") return submit_report(r, kZoneUser);
    if (step == "approve") return approve_report(r, kCityUser);
    if (step == "return") return return_report(r, "数据有误");
    return edit_report(r, make_report());
}

TEST(ReportReview, StepsTheStatusDoesNotAllowAreConflictsNamingStatus) {
    const RefusedStep cases[] = {
        {ReportStatus::kSubmitted, "submit"}, {ReportStatus::kApproved, "submit"},  {ReportStatus::kDraft, "approve"},
        {ReportStatus::kApproved, "approve"}, {ReportStatus::kReturned, "approve"}, {ReportStatus::kDraft, "return"},
        {ReportStatus::kApproved, "return"},  {ReportStatus::kReturned, "return"},  {ReportStatus::kSubmitted, "edit"},
        {ReportStatus::kApproved, "edit"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.step + " from " + std::string(to_string(c.from)));
        const auto result = run(c.step, in_status(c.from));
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::kConflict);
        EXPECT_EQ(only_field(result.error()).field, "status");
        EXPECT_NE(only_field(result.error()).message.en.find(std::string(to_string(c.from))), std::string::npos);
        EXPECT_FALSE(only_field(result.error()).message.zh.empty());
    }
}

TEST(ReportApprove, BySomeoneElseRecordsTheApprover) {
    const auto approved = approve_report(in_status(ReportStatus::kSubmitted), kCityUser);
    ASSERT_TRUE(approved);
    EXPECT_EQ(approved->status, ReportStatus::kApproved);
    EXPECT_EQ(approved->approved_by, kCityUser);
    EXPECT_EQ(approved->submitted_by, kZoneUser);
}

TEST(ReportApprove, NobodyApprovesAReportTheySubmitted) {
    const auto approved = approve_report(in_status(ReportStatus::kSubmitted), kZoneUser);
    ASSERT_FALSE(approved);
    EXPECT_EQ(approved.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(approved.error().message.en, "nobody approves a report they submitted");
    EXPECT_FALSE(approved.error().message.zh.empty());
}

TEST(ReportReturn, NeedsANonBlankReason) {
    for (const std::string reason : {"", "   ", "\t\n"}) {
        const auto returned = return_report(in_status(ReportStatus::kSubmitted), reason);
        ASSERT_FALSE(returned);
        EXPECT_EQ(returned.error().code, ErrorCode::kInvalidInput);
        EXPECT_EQ(only_field(returned.error()).field, "return_reason");
    }
}

TEST(ReportReturn, RefusesAnOverlongOrInvalidReason) {
    std::string long_reason;
    for (int i = 0; i < 501; ++i) long_reason += "字";
    for (const std::string& reason : {long_reason, std::string("\xff\xfe")}) {
        const auto returned = return_report(in_status(ReportStatus::kSubmitted), reason);
        ASSERT_FALSE(returned);
        EXPECT_EQ(only_field(returned.error()).field, "return_reason");
    }
    std::string just_fits;
    for (int i = 0; i < 500; ++i) just_fits += "字";
    EXPECT_TRUE(return_report(in_status(ReportStatus::kSubmitted), just_fits));
}

TEST(ReportReturn, RecordsTheReasonAndAllowsResubmission) {
    const auto returned = return_report(in_status(ReportStatus::kSubmitted), "投资额与台账不符");
    ASSERT_TRUE(returned);
    EXPECT_EQ(returned->status, ReportStatus::kReturned);
    EXPECT_EQ(returned->return_reason, "投资额与台账不符");
    const auto again = submit_report(*returned, kZoneUser);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, ReportStatus::kSubmitted);
}

TEST(ReportEdit, ReplacesContentOnlyInDraftOrReturned) {
    ProgressReport edited = make_report();
    edited.id = 99;
    edited.project_id = 99;
    edited.status = ReportStatus::kApproved;
    edited.version = 42;
    edited.month = month(2022, 8);
    edited.investment_completed = wan(100);
    edited.capital_arrived = wan(50);
    edited.progress_text = "设备安装";
    edited.percent_complete = 70;
    edited.jobs = 200;
    edited.confirmation_note = "已核实";
    for (const auto from : {ReportStatus::kDraft, ReportStatus::kReturned}) {
        SCOPED_TRACE(std::string(to_string(from)));
        ProgressReport current = in_status(from);
        current.version = 3;
        current.return_reason = "数据有误";
        const auto next = edit_report(current, edited);
        ASSERT_TRUE(next);
        EXPECT_EQ(next->month, month(2022, 8));
        EXPECT_EQ(next->investment_completed, wan(100));
        EXPECT_EQ(next->capital_arrived, wan(50));
        EXPECT_EQ(next->progress_text, "设备安装");
        EXPECT_EQ(next->percent_complete, 70);
        EXPECT_EQ(next->jobs, 200);
        EXPECT_EQ(next->confirmation_note, "已核实");
        EXPECT_EQ(next->id, current.id);
        EXPECT_EQ(next->project_id, current.project_id);
        EXPECT_EQ(next->status, from);
        EXPECT_EQ(next->version, 3);
        EXPECT_EQ(next->return_reason, "数据有误");
        EXPECT_EQ(next->submitted_by, current.submitted_by);
    }
}

}  // namespace progress_report_test
}  // namespace sanpi::domain
