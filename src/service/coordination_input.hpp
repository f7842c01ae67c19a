#pragma once
// What a caller sends to raise or change a coordination item (问题诉求), and how it becomes an
// item: every change goes through the domain's workflow (coordination_workflow.hpp).
#include <cstdint>
#include <optional>
#include <string>

#include "domain/coordination_item.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"

namespace sanpi::service {

// Absent fields: defaults when raising an item, unchanged when changing one.
struct CoordinationInput {
    std::optional<domain::CoordinationCategory> category;
    std::optional<std::string> description;
    std::optional<domain::CoordinationLevel> level;  // an escalation when changing an item
    std::optional<std::string> responsible_department;
    std::optional<domain::Date> deadline;
    // Changing only: a status move, with the resolution it needs to resolve and the reason it
    // needs to reopen. Either text without its move is refused.
    std::optional<domain::CoordinationStatus> status;
    std::optional<std::string> resolution;
    std::optional<std::string> reopen_reason;
};

// A new item of `project_id` raised on `today`: open, at the zone level unless `level` says
// otherwise; category and deadline are required. Every problem is reported at once.
Result<domain::CoordinationItem> raise_coordination_item(std::int64_t project_id, const CoordinationInput& input,
                                                         domain::Date today);

// `current` changed by `input`: a reopening first (so a closed item can be reopened and edited in
// one request), then the edits and any escalation, then any other status move; finally the whole
// item is checked against the day it was raised.
Result<domain::CoordinationItem> change_coordination_item(const domain::CoordinationItem& current,
                                                          const CoordinationInput& input, domain::Date raised_on);

}  // namespace sanpi::service
