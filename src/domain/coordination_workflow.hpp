#pragma once
// How a coordination item moves: open -> in_progress -> resolved -> closed; a resolved or closed
// item may be reopened with a reason, and then goes back to in_progress. Levels only go up.
#include <optional>
#include <string>
#include <vector>

#include "domain/coordination_item.hpp"
#include "domain/error.hpp"

namespace sanpi::domain {

struct CoordinationStatusChange {
    CoordinationStatus to = CoordinationStatus::kInProgress;
    std::optional<std::string> resolution;  // required to resolve
    std::optional<std::string> reason;      // required to reopen
};

// The statuses an item in `from` may move to, in the order a UI should offer them.
std::vector<CoordinationStatus> next_statuses(CoordinationStatus from);

// Returns the item in its new status and leaves the input untouched. A move the status does not
// allow is a conflict naming `status`; a missing resolution or reason is invalid input naming
// `resolution` or `reopen_reason`. Reopening clears the resolution (the next one must be new).
Result<CoordinationItem> change_status(const CoordinationItem& item, const CoordinationStatusChange& change);

// Raises the level; the same or a lower level is refused (field `level`), as is escalating an item
// already resolved or closed.
Result<CoordinationItem> escalate(const CoordinationItem& item, CoordinationLevel to);

// Replaces category, description, responsible department and deadline with `edited`'s and, when
// `edited` names another level, escalates to it. Status and resolution change only through
// change_status; a closed item is read-only until reopened.
Result<CoordinationItem> edit_item(const CoordinationItem& current, const CoordinationItem& edited);

}  // namespace sanpi::domain
