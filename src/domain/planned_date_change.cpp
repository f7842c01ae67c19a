#include "domain/planned_date_change.hpp"

#include "domain/enum_table.hpp"
#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

using detail::EnumEntry;

constexpr std::array<EnumEntry<Milestone>, 4> kMilestones{{
    {Milestone::kSign, "sign", "签约"},
    {Milestone::kStart, "start", "开工"},
    {Milestone::kProduction, "production", "投产"},
    {Milestone::kCapacity, "capacity", "达产"},
}};

FieldError missing_reason(Milestone m) {
    const std::string what(label_zh(m));
    return FieldError{"planned." + std::string(to_string(m)),
                      {"推迟计划日期须说明原因（计划" + what + "日期）",
                       "moving a planned date later needs a reason (planned " + std::string(to_string(m)) + " date)"}};
}

}  // namespace

std::string_view to_string(Milestone m) { return detail::entry_of(kMilestones, m).name; }
std::optional<Milestone> milestone_from_string(std::string_view s) { return detail::from_name(kMilestones, s); }
std::string_view label_zh(Milestone m) { return detail::entry_of(kMilestones, m).label_zh; }

std::optional<Date> milestone_date(const Milestones& dates, Milestone m) {
    switch (m) {
        case Milestone::kSign:
            return dates.sign;
        case Milestone::kStart:
            return dates.start;
        case Milestone::kProduction:
            return dates.production;
        case Milestone::kCapacity:
            return dates.capacity;
    }
    return std::nullopt;
}

bool is_slip(const PlannedDateChange& change) {
    if (!change.old_date) return false;
    return !change.new_date || *change.new_date > *change.old_date;
}

Result<std::vector<PlannedDateChange>> planned_date_changes(const Milestones& before, const Milestones& after,
                                                            const PlannedDateEdit& edit) {
    if (!is_valid_utf8(edit.reason) || utf8_length(edit.reason) > kMaxReasonLength) {
        return Error::invalid_field(
            "planned_reason", "调整计划日期的原因须为有效文本，不超过500个字",
            "the reason for changing planned dates must be valid text of at most 500 characters");
    }
    std::vector<PlannedDateChange> changes;
    std::vector<FieldError> problems;
    for (const auto& entry : kMilestones) {
        const auto old_date = milestone_date(before, entry.value);
        const auto new_date = milestone_date(after, entry.value);
        if (old_date == new_date) continue;
        PlannedDateChange change{edit.project_id, entry.value, old_date, new_date, edit.reason, edit.user_id, edit.at};
        if (is_slip(change) && is_blank(edit.reason)) problems.push_back(missing_reason(entry.value));
        changes.push_back(std::move(change));
    }
    if (!problems.empty()) return Error::invalid(std::move(problems));
    return changes;
}

}  // namespace sanpi::domain
