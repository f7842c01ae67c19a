#include "service/notice_fields.hpp"

#include <string>

namespace sanpi::service {

namespace {

std::optional<std::string> notice_text_of(const std::optional<std::int64_t>& id) {
    return id ? std::optional(std::to_string(*id)) : std::nullopt;
}

std::optional<std::string> notice_text_of(const std::optional<domain::Date>& d) {
    return d ? std::optional(d->iso()) : std::nullopt;
}

}  // namespace

domain::FieldValues notice_fields(const domain::Notice& n) {
    domain::FieldValues out;
    out["target"] = std::string(domain::to_string(n.target));
    out["project_id"] = notice_text_of(n.project_id);
    out["coordination_item_id"] = notice_text_of(n.coordination_item_id);
    out["zone_id"] = std::to_string(n.zone_id);
    out["level"] = std::string(domain::to_string(n.level));
    out["status"] = std::string(domain::to_string(n.status));
    out["problem"] = n.problem;
    out["action_requested"] = n.action_requested;
    out["deadline"] = n.deadline.iso();
    out["escalated_on"] = notice_text_of(n.escalated_on);
    out["ladder_step"] = n.ladder_step ? std::optional(std::string(domain::to_string(*n.ladder_step))) : std::nullopt;
    out["ladder_since"] = notice_text_of(n.ladder_since);
    return out;
}

const char* notice_step_text_field(domain::NoticeStep step) {
    switch (step) {
        case domain::NoticeStep::kRespond:
            return "response";
        case domain::NoticeStep::kComment:
            return "comment";
        case domain::NoticeStep::kClose:
            return "close_note";
        case domain::NoticeStep::kReopen:
            return "reopen_reason";
        case domain::NoticeStep::kIssue:
        case domain::NoticeStep::kEscalate:
            break;
    }
    return "text";
}

}  // namespace sanpi::service
