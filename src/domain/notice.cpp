#include "domain/notice.hpp"

#include <algorithm>
#include <array>

#include "domain/enum_table.hpp"
#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {

namespace {

constexpr std::array<detail::EnumEntry<NoticeTarget>, 3> kNoticeTargets{{
    {NoticeTarget::kProject, "project", "项目"},
    {NoticeTarget::kCoordinationItem, "coordination_item", "问题诉求"},
    {NoticeTarget::kZone, "zone", "开发区"},
}};
constexpr std::array<detail::EnumEntry<NoticeLevel>, 2> kNoticeLevels{{
    {NoticeLevel::kCity, "city", "市级"},
    {NoticeLevel::kProvince, "province", "省级"},
}};
constexpr std::array<detail::EnumEntry<NoticeStatus>, 3> kNoticeStatuses{{
    {NoticeStatus::kIssued, "issued", "已下发"},
    {NoticeStatus::kResponded, "responded", "已反馈"},
    {NoticeStatus::kClosed, "closed", "已办结"},
}};
constexpr std::array<detail::EnumEntry<NoticeStep>, 6> kNoticeSteps{{
    {NoticeStep::kIssue, "issue", "下发"},
    {NoticeStep::kRespond, "respond", "反馈"},
    {NoticeStep::kComment, "comment", "批注"},
    {NoticeStep::kClose, "close", "办结"},
    {NoticeStep::kReopen, "reopen", "退回重办"},
    {NoticeStep::kEscalate, "escalate", "逾期提级"},
}};
constexpr std::array<detail::EnumEntry<LadderStep>, 2> kLadderSteps{{
    {LadderStep::kYellowStreak, "yellow_streak", "连续黄灯"},
    {LadderStep::kRed, "red", "红灯"},
}};

using NS = NoticeStatus;

bool notice_is_open(NS s) { return s != NS::kClosed; }

// The states each step may start from.
bool notice_state_allows(NS from, NoticeStep step) {
    switch (step) {
        case NoticeStep::kRespond:
            return from == NS::kIssued;
        case NoticeStep::kComment:
        case NoticeStep::kClose:
            return notice_is_open(from);
        case NoticeStep::kReopen:
            return from == NS::kResponded || from == NS::kClosed;
        case NoticeStep::kIssue:
        case NoticeStep::kEscalate:
            return false;
    }
    return false;
}

bool notice_role_allows(const Notice& n, NoticeStep step, Role role) {
    switch (step) {
        case NoticeStep::kRespond:
            return role == Role::kZone;
        case NoticeStep::kComment:
            return role == Role::kCity;
        case NoticeStep::kClose:
        case NoticeStep::kReopen: {
            const auto level = acting_level(role);
            return level && *level >= n.level;
        }
        case NoticeStep::kIssue:
        case NoticeStep::kEscalate:
            return false;
    }
    return false;
}

Error notice_forbidden_step(const Notice& n, NoticeStep step) {
    switch (step) {
        case NoticeStep::kRespond:
            return Error::forbidden("只有开发区用户可以反馈督办单", "only zone users respond to a notice");
        case NoticeStep::kComment:
            return Error::forbidden("只有市级用户可以批注督办单", "only city users comment on a notice");
        default:
            return Error::forbidden("督办单为" + std::string(label_zh(n.level)) + "督办，须由该级或上级办结或退回",
                                    "the notice is at " + std::string(to_string(n.level)) +
                                        " level: that level or above closes it or sends it back");
    }
}

Error notice_conflict_step(const Notice& n, NoticeStep step) {
    const Text why{"督办单状态为“" + std::string(label_zh(n.status)) + "”，不能" + std::string(label_zh(step)),
                   "the notice is " + std::string(to_string(n.status)) + "; it cannot take the step " +
                       std::string(to_string(step))};
    return Error{ErrorCode::kConflict, why, {FieldError{"status", why}}};
}

}  // namespace

std::string_view to_string(NoticeTarget t) { return detail::entry_of(kNoticeTargets, t).name; }
std::optional<NoticeTarget> notice_target_from_string(std::string_view s) {
    return detail::from_name(kNoticeTargets, s);
}
std::string_view to_string(NoticeLevel l) { return detail::entry_of(kNoticeLevels, l).name; }
std::string_view label_zh(NoticeLevel l) { return detail::entry_of(kNoticeLevels, l).label_zh; }
std::optional<NoticeLevel> notice_level_from_string(std::string_view s) { return detail::from_name(kNoticeLevels, s); }
std::string_view to_string(NoticeStatus s) { return detail::entry_of(kNoticeStatuses, s).name; }
std::string_view label_zh(NoticeStatus s) { return detail::entry_of(kNoticeStatuses, s).label_zh; }
std::optional<NoticeStatus> notice_status_from_string(std::string_view s) {
    return detail::from_name(kNoticeStatuses, s);
}
std::string_view to_string(NoticeStep s) { return detail::entry_of(kNoticeSteps, s).name; }
std::string_view label_zh(NoticeStep s) { return detail::entry_of(kNoticeSteps, s).label_zh; }
std::optional<NoticeStep> notice_step_from_string(std::string_view s) { return detail::from_name(kNoticeSteps, s); }
std::string_view to_string(LadderStep s) { return detail::entry_of(kLadderSteps, s).name; }
std::optional<LadderStep> ladder_step_from_string(std::string_view s) { return detail::from_name(kLadderSteps, s); }

std::optional<NoticeLevel> acting_level(Role role) {
    switch (role) {
        case Role::kProvince:
        case Role::kSupervisor:
            return NoticeLevel::kProvince;
        case Role::kCity:
            return NoticeLevel::kCity;
        case Role::kZone:
        case Role::kViewer:
            return std::nullopt;
    }
    return std::nullopt;
}

bool is_overdue(const Notice& n, Date today) { return notice_is_open(n.status) && n.deadline < today; }

Result<void> check_deadline(Date deadline, Date today, std::string_view field) {
    if (deadline < today) {
        return Error::invalid_field(field, "办结时限不能早于今天（" + today.iso() + "）",
                                    "the deadline cannot be before today (" + today.iso() + ")");
    }
    return {};
}

Result<void> check_notice_text(const std::optional<std::string>& text, std::string_view field) {
    if (!text || is_blank(*text)) return Error::invalid_field(field, "不能为空", "cannot be empty");
    if (!is_valid_utf8(*text) || utf8_length(*text) > kMaxNoticeTextLength) {
        return Error::invalid_field(field, "须为有效文本，不超过2000个字",
                                    "must be valid text of at most 2000 characters");
    }
    return {};
}

Result<Notice> issue_notice(Role issuer_role, Notice draft, Date today) {
    const auto level = acting_level(issuer_role);
    if (!level)
        return Error::forbidden("只有督导组、省级和市级用户可以下发督办单",
                                "only supervisors, province and city users issue notices");
    std::vector<FieldError> problems;
    const auto collect = [&](const Result<void>& r) {
        if (r) return;
        const auto fields = r.error().fields;  // error() answers a copy
        problems.insert(problems.end(), fields.begin(), fields.end());
    };
    collect(check_notice_text(draft.problem, "problem"));
    collect(check_notice_text(draft.action_requested, "action_requested"));
    collect(check_deadline(draft.deadline, today));
    if (!problems.empty()) return Error::invalid(std::move(problems));
    draft.level = *level;
    draft.status = NoticeStatus::kIssued;
    draft.escalated_on.reset();
    draft.version = 1;
    return draft;
}

Result<void> check_step(const Notice& n, NoticeStep step, Role role) {
    if (!notice_role_allows(n, step, role)) return notice_forbidden_step(n, step);
    if (!notice_state_allows(n.status, step)) return notice_conflict_step(n, step);
    return {};
}

std::vector<NoticeStep> allowed_steps(const Notice& n, Role role) {
    std::vector<NoticeStep> out;
    for (auto step : {NoticeStep::kRespond, NoticeStep::kComment, NoticeStep::kClose, NoticeStep::kReopen}) {
        if (check_step(n, step, role)) out.push_back(step);
    }
    return out;
}

Notice apply_step(const Notice& n, NoticeStep step, std::optional<Date> new_deadline) {
    Notice next = n;
    switch (step) {
        case NoticeStep::kRespond:
            next.status = NS::kResponded;
            break;
        case NoticeStep::kClose:
            next.status = NS::kClosed;
            break;
        case NoticeStep::kReopen:
            next.status = NS::kIssued;
            if (new_deadline) next.deadline = *new_deadline;
            break;
        case NoticeStep::kEscalate:
            next.level = NoticeLevel::kProvince;
            break;
        case NoticeStep::kComment:
        case NoticeStep::kIssue:
            break;
    }
    return next;
}

std::optional<Notice> escalate_if_overdue(const Notice& n, Date today) {
    if (n.level != NoticeLevel::kCity || n.escalated_on || !is_overdue(n, today)) return std::nullopt;
    Notice next = apply_step(n, NoticeStep::kEscalate);
    next.escalated_on = today;
    return next;
}

}  // namespace sanpi::domain
