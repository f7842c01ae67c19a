#include "service/project_transition.hpp"

#include <algorithm>
#include <string_view>

#include "domain/stage_machine.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::service {

using domain::Date;
using domain::Project;
using domain::ProjectStatus;
using domain::Stage;
using domain::StageChange;

namespace {

// Long enough for a paragraph of justification, short enough to stay a history note.
constexpr std::size_t kMaxTextLength = 2000;

// The stage machine speaks PATCH's field names; the transition request has its own.
Error with_request_fields(Error error) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"stage", "to"},
        {"status", "to"},
        {"stage_date", "date"},
        {"correction_reason", "reason"},
        {"status_reason", "reason"},
    };
    for (auto& f : error.fields) {
        for (const auto& [from, to] : kNames) {
            if (f.field == from) f.field = std::string(to);
        }
    }
    return error;
}

// Ideographic spaces count as blank too: a reason typed as "　" says nothing.
bool blank(std::string_view text) { return domain::normalize_input(text).empty(); }

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

void check_text(std::vector<FieldError>& errors, std::string field, std::string_view text) {
    if (!domain::is_valid_utf8(text)) {
        errors.push_back(
            {std::move(field), {"含有无效字符（不是有效的 UTF-8）", "contains invalid characters (not valid UTF-8)"}});
    } else if (text.find('\0') != std::string_view::npos) {
        errors.push_back({std::move(field), {"不能含有空字符", "must not contain NUL characters"}});
    } else if (domain::utf8_length(text) > kMaxTextLength) {
        const std::string n = std::to_string(kMaxTextLength);
        errors.push_back({std::move(field), {"不能超过" + n + "个字", "must not be longer than " + n + " characters"}});
    }
}

void refuse_text(std::vector<FieldError>& errors, std::string field, std::string_view text, Text why) {
    if (!blank(text)) errors.push_back({std::move(field), std::move(why)});
}

Result<StageChange> move_stage(Project& p, Stage to, const TransitionRequest& request, Date today) {
    if (!request.date) {
        return Error::invalid_field("date", "变更阶段须填写实际日期", "date is required for a stage move");
    }
    const bool correction = to < p.stage;
    domain::StageMove move{to, *request.date, std::nullopt};
    if (correction) move.correction_reason = request.reason;
    auto change = domain::apply_stage_move(p, move, today);
    if (!change) return with_request_fields(change.error());

    std::vector<FieldError> errors;
    if (correction) {
        if (blank(request.reason)) {
            errors.push_back(
                {"reason",
                 {"退回阶段属于更正，须填写原因", "moving a project back is a correction and needs a reason"}});
        }
        refuse_text(
            errors, "evidence", request.evidence,
            {"退回阶段属于更正，请在 reason 中说明原因", "a backward move is a correction: explain it in reason"});
    } else {
        refuse_text(errors, "reason", request.reason,
                    {"推进阶段的依据请填写在 evidence 中", "a forward move takes its supporting text in evidence"});
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    change->reason = trimmed(correction ? request.reason : request.evidence);
    return change;
}

std::optional<Date> latest_milestone(const domain::Milestones& actual) {
    std::optional<Date> latest;
    for (const auto& d : {actual.sign, actual.start, actual.production, actual.capacity}) {
        if (d && (!latest || *d > *latest)) latest = d;
    }
    return latest;
}

// History reads in order only if a status change is dated no earlier than what precedes it.
void check_status_date(std::vector<FieldError>& errors, Date date, Date today, std::optional<Date> floor) {
    if (date > today) {
        errors.push_back(
            {"date", {"日期不能晚于今天（" + today.iso() + "）", "date in the future (today is " + today.iso() + ")"}});
    } else if (floor && date < *floor) {
        errors.push_back({"date",
                          {"日期不能早于项目已记录的最近日期 " + floor->iso(),
                           "date is before the project's latest recorded date " + floor->iso()}});
    }
}

Result<StageChange> change_status(Project& p, ProjectStatus to, const TransitionRequest& request, Date today,
                                  std::optional<Date> last_status) {
    const Date date = request.date.value_or(today);
    std::optional<Date> floor = latest_milestone(p.actual);
    if (last_status && (!floor || *last_status > *floor)) floor = last_status;

    auto change = domain::apply_status_change(p, to, trimmed(request.reason));
    if (!change) return with_request_fields(change.error());

    std::vector<FieldError> errors;
    // The stage machine lets a resume go without a reason; the explicit endpoint asks for one.
    if (blank(request.reason)) {
        errors.push_back(
            {"reason", {"停缓建、恢复或终止项目须填写原因", "suspending, resuming or cancelling needs a reason"}});
    }
    refuse_text(errors, "evidence", request.evidence,
                {"状态变更请在 reason 中说明，暂不单独保存依据",
                 "a status change keeps its text in reason; evidence is not kept for it yet"});
    check_status_date(errors, date, today, floor);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    change->date = date;
    return change;
}

}  // namespace

Result<StageChange> apply_transition(Project& project, const TransitionRequest& request, Date today,
                                     std::optional<Date> last_status_date) {
    std::vector<FieldError> text_errors;
    check_text(text_errors, "evidence", request.evidence);
    check_text(text_errors, "reason", request.reason);
    if (!text_errors.empty()) return Error::invalid(std::move(text_errors));
    if (const auto* stage = std::get_if<Stage>(&request.to)) {
        return move_stage(project, *stage, request, today);
    }
    return change_status(project, std::get<ProjectStatus>(request.to), request, today, last_status_date);
}

std::optional<Date> last_status_date(const std::vector<StageChange>& history) {
    std::optional<Date> latest;
    for (const auto& c : history) {
        if (c.from_status == c.to_status || !c.date) continue;
        if (!latest || *c.date > *latest) latest = c.date;
    }
    return latest;
}

}  // namespace sanpi::service
