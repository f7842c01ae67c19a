#pragma once
// An explicit move of a project (POST /projects/{id}/transitions): to a stage, or to a side
// status. The stage machine decides what is legal; this layer adds what the request itself must
// carry (a date, a reason, which text goes where) and names errors after the request's fields.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"
#include "domain/stage.hpp"

namespace sanpi::service {

// Where the project goes: a stage (forward, or backward as a correction) or a side status.
// ProjectStatus::kActive means "resumed".
using TransitionTarget = std::variant<domain::Stage, domain::ProjectStatus>;

struct TransitionRequest {
    TransitionTarget to = domain::Stage::kSigned;
    // Stage moves: the actual date of the milestone, required. Status changes: the day the status
    // changed, today when absent.
    std::optional<domain::Date> date;
    std::string evidence;  // forward moves only
    std::string reason;    // corrections and status changes: required there, refused elsewhere
};

// Applies the move to `project` and returns the history record; its `reason` keeps the caller's
// text (the evidence of a forward move, else the reason). `last_status_date` is the date of the
// latest dated status change in the project's history: a status change may not precede it, nor
// the latest actual milestone. Errors name "to", "date", "reason" or "evidence".
Result<domain::StageChange> apply_transition(domain::Project& project, const TransitionRequest& request,
                                             domain::Date today, std::optional<domain::Date> last_status_date);

// The date of the latest status change (suspend, resume, cancel) that carries one.
std::optional<domain::Date> last_status_date(const std::vector<domain::StageChange>& history);

}  // namespace sanpi::service
