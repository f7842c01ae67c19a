#pragma once
// The only place that decides which stage moves are legal.
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

struct StageMove {
    Stage to;
    Date date;                                // the actual date of the milestone reached
    std::optional<std::string> correction_reason;  // required to move backward
};

// Moves the project forward (possibly several stages at once, e.g. reserve -> started sets sign
// and start to `date` unless already set) or, with a reason, backward (clearing later actual dates).
// Enforces: not cancelled; actual dates monotonic (sign <= start <= production <= capacity);
// date not after `today`. Returns the history record to keep.
Result<StageChange> apply_stage_move(Project& project, const StageMove& move, Date today);

// Suspend, resume or cancel. Cancelled is final.
Result<StageChange> apply_status_change(Project& project, ProjectStatus to, std::string reason);

// The actual/planned date recorded for arriving at `stage` (reserve has none).
std::optional<Date> milestone_date(const Milestones& m, Stage stage);

}  // namespace sanpi::domain
