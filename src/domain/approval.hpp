#pragma once
// The project's approval or filing (审批 / 核准 / 备案) and when it lapses.
//
// The State Council rules on approving and filing enterprise investment projects (企业投资项目核准
// 和备案管理条例, 2016) let a verification lapse when construction has not started within two years
// of the decision, unless one extension of at most one year was granted before the two years ran
// out. Filings carry the same two-year mark (the enterprise must explain on the platform whether it
// goes on), and approvals of government projects are watched the same way, so the one rule below
// serves supervision's warnings for all three kinds.
//
// Periods follow the Civil Code (民法典 art. 201-203): the decision day is not counted and the period
// ends on the corresponding day two years later, or on the last day of that month when it has none
// (2020-02-29 → 2022-02-28). Public holidays that would move the last day are not modelled.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace sanpi::domain {

enum class ApprovalKind {
    kApproval,      // 审批: government-invested projects
    kVerification,  // 核准: enterprise projects on the verification list
    kFiling,        // 备案: all other enterprise projects
};

std::string_view to_string(ApprovalKind k);  // "approval", "verification", "filing"
std::optional<ApprovalKind> approval_kind_from_string(std::string_view s);
std::string_view label_zh(ApprovalKind k);  // 审批 / 核准 / 备案
std::string_view label_en(ApprovalKind k);

// The single extension the rules allow; a second one cannot be represented.
struct ApprovalExtension {
    Date granted_on;  // the day the authority granted it
    Date start_by;    // the new last day on which construction may start
    friend bool operator==(const ApprovalExtension&, const ApprovalExtension&) = default;
};

struct Approval {
    ApprovalKind kind;
    Date date;                    // the day of the decision or filing
    std::string authority;        // e.g. 太原市行政审批服务管理局
    std::string document_number;  // 文号, e.g. 并审管核准〔2022〕12号; empty when there is none
    std::optional<ApprovalExtension> extension;
    friend bool operator==(const Approval&, const Approval&) = default;
};

// The last day on which construction may start without an extension: two years after the decision.
Date original_start_deadline(const Approval& a);
// The last day on which construction may start, with the extension if any.
Date start_deadline(const Approval& a);
// The first day on which the approval has lapsed if construction has not started.
Date lapse_date(const Approval& a);

// A start counts only when it happened on or before `as_of`: looking back, a later start was unknown.
// True when `as_of` is past the deadline and construction had not started by the deadline (a late
// start does not revive a lapsed approval).
bool has_lapsed(const Approval& a, std::optional<Date> actual_start, Date as_of);
// Days from `as_of` to the lapse date: positive while there is time (1 = the deadline is today),
// zero or negative once lapsed. Nullopt when construction started in time: nothing will lapse.
std::optional<std::int32_t> days_until_lapse(const Approval& a, std::optional<Date> actual_start, Date as_of);

// Decision not after `today`; authority present, both texts valid UTF-8 and at most 100
// characters; an extension granted on or after the decision, not after `today`, before the
// original period ran out, moving the deadline later by at most one year. Fields are named under
// `field` ("approval.date", "approval.extension.start_by", ...).
std::vector<FieldError> validate_approval(const Approval& a, Date today, std::string_view field = "approval");

}  // namespace sanpi::domain
