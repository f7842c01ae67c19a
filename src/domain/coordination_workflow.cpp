#include "domain/coordination_workflow.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

using S = CoordinationStatus;

Error conflict_on_status(S from, S to) {
    std::string zh = "问题状态为“" + std::string(label_zh(from)) + "”，不能改为“" + std::string(label_zh(to)) + "”";
    std::string en = "the item is " + std::string(to_string(from)) + "; it cannot become " + std::string(to_string(to));
    const auto allowed = next_statuses(from);
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        zh += (i == 0 ? "，可改为：" : "、") + std::string(label_zh(allowed[i]));
        en += (i == 0 ? " (it can become: " : ", ") + std::string(to_string(allowed[i]));
    }
    if (!allowed.empty()) en += ")";
    const Text why{std::move(zh), std::move(en)};
    return Error{ErrorCode::kConflict, why, {FieldError{"status", why}}};
}

// A required text: present, valid and not too long; otherwise an error naming `field`.
Result<void> require_text(const std::optional<std::string>& text, std::string field, std::size_t max_length,
                          const Text& missing) {
    if (!text || is_blank(*text)) return Error::invalid({FieldError{std::move(field), missing}});
    if (!is_valid_utf8(*text) || utf8_length(*text) > max_length) {
        const std::string n = std::to_string(max_length);
        return Error::invalid_field(std::move(field), "须为有效文本，不超过" + n + "个字",
                                    "must be valid text of at most " + n + " characters");
    }
    return {};
}

}  // namespace

std::vector<CoordinationStatus> next_statuses(CoordinationStatus from) {
    switch (from) {
        case S::kOpen:
            return {S::kInProgress};
        case S::kInProgress:
            return {S::kResolved};
        case S::kResolved:
            return {S::kClosed, S::kReopened};
        case S::kClosed:
            return {S::kReopened};
        case S::kReopened:
            return {S::kInProgress};
    }
    return {};
}

Result<CoordinationItem> change_status(const CoordinationItem& item, const CoordinationStatusChange& change) {
    const auto allowed = next_statuses(item.status);
    if (std::find(allowed.begin(), allowed.end(), change.to) == allowed.end()) {
        return conflict_on_status(item.status, change.to);
    }
    CoordinationItem next = item;
    next.status = change.to;
    if (change.to == S::kResolved) {
        auto ok = require_text(change.resolution, "resolution", kMaxResolutionLength,
                               {"解决问题须填写解决情况", "resolving an item needs a resolution"});
        if (!ok) return ok.error();
        next.resolution = change.resolution;
    } else if (change.to == S::kReopened) {
        auto ok = require_text(change.reason, "reopen_reason", kMaxReasonLength,
                               {"重新打开问题须说明原因", "reopening an item needs a reason"});
        if (!ok) return ok.error();
        next.reopen_reason = change.reason;
        next.resolution.reset();
    }
    return next;
}

Result<CoordinationItem> escalate(const CoordinationItem& item, CoordinationLevel to) {
    if (is_settled(item.status)) {
        return Error::invalid_field("level", "问题已解决或已办结，不再提级",
                                    "a resolved or closed item is not escalated");
    }
    if (to == item.level) {
        return Error::invalid_field("level", "问题已在" + std::string(label_zh(to)) + "层级协调",
                                    "the item is already at " + std::string(to_string(to)) + " level");
    }
    if (to < item.level) {
        return Error::invalid_field(
            "level",
            "问题只能向上提级，不能由" + std::string(label_zh(item.level)) + "降为" + std::string(label_zh(to)),
            "an item is only escalated upward; it cannot go from " + std::string(to_string(item.level)) + " down to " +
                std::string(to_string(to)));
    }
    CoordinationItem next = item;
    next.level = to;
    return next;
}

Result<CoordinationItem> edit_item(const CoordinationItem& current, const CoordinationItem& edited) {
    if (current.status == S::kClosed) {
        const Text why{"问题已办结，须先重新打开才能修改", "the item is closed; reopen it before changing it"};
        return Error{ErrorCode::kConflict, why, {FieldError{"status", why}}};
    }
    CoordinationItem next = current;
    if (edited.level != current.level) {
        auto raised = escalate(current, edited.level);
        if (!raised) return raised.error();
        next.level = raised->level;
    }
    next.category = edited.category;
    next.description = edited.description;
    next.responsible_department = edited.responsible_department;
    next.deadline = edited.deadline;
    return next;
}

}  // namespace sanpi::domain
