#pragma once
// Planned milestone dates keep their own history: every change is recorded (who, when, old, new,
// why), and moving a planned date later (a slip) must say why, so a delay is never a silent rewrite.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

enum class Milestone { kSign, kStart, kProduction, kCapacity };

std::string_view to_string(Milestone m);  // "sign", "start", "production", "capacity": the keys inside "planned"
std::optional<Milestone> milestone_from_string(std::string_view s);
std::string_view label_zh(Milestone m);  // 签约 / 开工 / 投产 / 达产
std::optional<Date> milestone_date(const Milestones& dates, Milestone m);

struct PlannedDateChange {
    std::int64_t project_id = 0;
    Milestone milestone = Milestone::kSign;
    std::optional<Date> old_date;  // none: the first planned date
    std::optional<Date> new_date;  // none: the planned date was cleared
    std::string reason;            // required for a slip, kept when given for any change
    std::int64_t user_id = 0;
    std::int64_t at = 0;  // Unix seconds, UTC
};

// A slip moves a planned date later, or clears it: clearing counts, or clearing and setting a
// later date in two edits would dodge the reason.
bool is_slip(const PlannedDateChange& change);

// Who changes the planned dates of which project, when, and why (one reason for the whole edit).
struct PlannedDateEdit {
    std::int64_t project_id = 0;
    std::int64_t user_id = 0;
    std::int64_t at = 0;
    std::string reason;
};

// The changes from `before` to `after`, in milestone order (empty if nothing changed). Refuses
// the whole edit when a slip has no reason, naming every slipped field (`planned.start` ...),
// or when the reason is longer than 500 characters or not valid text (field `planned_reason`).
Result<std::vector<PlannedDateChange>> planned_date_changes(const Milestones& before, const Milestones& after,
                                                            const PlannedDateEdit& edit);

}  // namespace sanpi::domain
