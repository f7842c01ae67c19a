#include "domain/progress_report.hpp"

#include "domain/enum_table.hpp"
#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

using detail::EnumEntry;

constexpr std::array<EnumEntry<ReportStatus>, 4> kStatuses{{
    {ReportStatus::kDraft, "draft", "草稿"},
    {ReportStatus::kSubmitted, "submitted", "已提交"},
    {ReportStatus::kApproved, "approved", "已审核"},
    {ReportStatus::kReturned, "returned", "已退回"},
}};

// A step the current status does not allow: the request conflicts with the report's state.
Error wrong_status(ReportStatus current, const std::string& zh, const std::string& en) {
    const Text why{"月报状态为“" + std::string(label_zh(current)) + "”，" + zh,
                   "the report is " + std::string(to_string(current)) + "; " + en};
    return Error{ErrorCode::kConflict, why, {FieldError{"status", why}}};
}

}  // namespace

std::string_view to_string(ReportStatus s) { return detail::entry_of(kStatuses, s).name; }
std::optional<ReportStatus> report_status_from_string(std::string_view s) { return detail::from_name(kStatuses, s); }
std::string_view label_zh(ReportStatus s) { return detail::entry_of(kStatuses, s).label_zh; }

bool is_editable(ReportStatus s) { return s == ReportStatus::kDraft || s == ReportStatus::kReturned; }

Result<ProgressReport> submit_report(const ProgressReport& report, std::int64_t user_id) {
    if (!is_editable(report.status)) {
        return wrong_status(report.status, "只有草稿或已退回的月报可以提交",
                            "only a draft or returned report can be submitted");
    }
    ProgressReport next = report;
    next.status = ReportStatus::kSubmitted;
    next.submitted_by = user_id;
    return next;
}

Result<ProgressReport> approve_report(const ProgressReport& report, std::int64_t user_id) {
    if (report.status != ReportStatus::kSubmitted) {
        return wrong_status(report.status, "只有已提交的月报可以审核通过", "only a submitted report can be approved");
    }
    if (report.submitted_by == user_id) {
        return Error::forbidden("不能审核自己提交的月报", "nobody approves a report they submitted");
    }
    ProgressReport next = report;
    next.status = ReportStatus::kApproved;
    next.approved_by = user_id;
    return next;
}

Result<ProgressReport> return_report(const ProgressReport& report, std::string reason) {
    if (report.status != ReportStatus::kSubmitted) {
        return wrong_status(report.status, "只有已提交的月报可以退回", "only a submitted report can be returned");
    }
    if (is_blank(reason)) {
        return Error::invalid_field("return_reason", "退回月报须填写原因", "returning a report needs a reason");
    }
    if (!is_valid_utf8(reason) || utf8_length(reason) > kMaxReasonLength) {
        return Error::invalid_field("return_reason", "退回原因不能超过500个字且须为有效文本",
                                    "the return reason must be valid text of at most 500 characters");
    }
    ProgressReport next = report;
    next.status = ReportStatus::kReturned;
    next.return_reason = std::move(reason);
    return next;
}

Result<ProgressReport> edit_report(const ProgressReport& current, const ProgressReport& edited) {
    if (!is_editable(current.status)) {
        return wrong_status(current.status, "只有草稿或已退回的月报可以修改",
                            "only a draft or returned report can be changed");
    }
    ProgressReport next = current;
    next.month = edited.month;
    next.investment_completed = edited.investment_completed;
    next.capital_arrived = edited.capital_arrived;
    next.progress_text = edited.progress_text;
    next.percent_complete = edited.percent_complete;
    next.jobs = edited.jobs;
    next.confirmation_note = edited.confirmation_note;
    return next;
}

}  // namespace sanpi::domain
