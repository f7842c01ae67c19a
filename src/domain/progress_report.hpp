#pragma once
// A project's monthly progress report (月报) and its review: a zone drafts and submits, a reviewer
// approves or returns it with a reason, the zone corrects and resubmits. Only approved reports
// count in official figures (see report_totals.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/money.hpp"
#include "domain/month.hpp"

namespace sanpi::domain {

enum class ReportStatus { kDraft, kSubmitted, kApproved, kReturned };

std::string_view to_string(ReportStatus s);  // "draft", "submitted", "approved", "returned"
std::optional<ReportStatus> report_status_from_string(std::string_view s);
std::string_view label_zh(ReportStatus s);  // 草稿 / 已提交 / 已审核 / 已退回

struct ProgressReport {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    Month month;
    Money investment_completed;         // in this month, not cumulative: cumulative figures are derived
    Money capital_arrived;              // 到位资金 in this month
    std::string progress_text;          // 形象进度
    std::int32_t percent_complete = 0;  // of construction, 0..100
    std::int32_t jobs = 0;              // people employed so far
    ReportStatus status = ReportStatus::kDraft;
    std::optional<std::string> confirmation_note;  // required when cumulative investment passes 150% of total
    std::optional<std::string> return_reason;      // the latest return's; kept after resubmission for the reviewer
    std::optional<std::int64_t> submitted_by;      // user ids
    std::optional<std::int64_t> approved_by;
    std::int64_t version = 0;
};

// The review steps. Each returns the report in its new state and leaves the input untouched;
// a step the current status does not allow is a conflict naming `status`.

// draft or returned -> submitted; records who submitted.
Result<ProgressReport> submit_report(const ProgressReport& report, std::int64_t user_id);
// submitted -> approved; forbidden to the user who submitted it.
Result<ProgressReport> approve_report(const ProgressReport& report, std::int64_t user_id);
// submitted -> returned with a required reason (field `return_reason`). Returning one's own
// submission is allowed: it only hands the report back for editing.
Result<ProgressReport> return_report(const ProgressReport& report, std::string reason);
// Replaces the content (month, figures, texts, note) of a draft or returned report with `edited`'s;
// identity, status and review fields stay as they are.
Result<ProgressReport> edit_report(const ProgressReport& current, const ProgressReport& edited);

// Whether the report may still be changed by its zone.
bool is_editable(ReportStatus s);

}  // namespace sanpi::domain
