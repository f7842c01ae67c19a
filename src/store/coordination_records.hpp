#pragma once
// What the store keeps and answers about coordination items (问题诉求), beside the domain item:
// the project it belongs to as lists show it, who raised it and when. Part of the Tx interface
// (store.hpp includes it).
#include <cstdint>
#include <optional>
#include <string>

#include "domain/coordination_item.hpp"
#include "domain/date.hpp"
#include "domain/stage.hpp"

namespace sanpi::store {

struct CoordinationItemRecord {
    domain::CoordinationItem item;
    std::string project_code;
    std::string project_name;
    // The name as stored; with these, the zone's id and its region, the service decides whether a
    // viewer is shown the project's code name in its place (service/project_identity.hpp).
    std::string project_code_name;  // empty: none
    domain::Stage project_stage = domain::Stage::kReserve;
    std::int64_t zone_id = 0;
    std::string zone_name;
    std::string region_code;                 // the zone's
    std::string city_code;                   // the zone's city
    std::optional<std::int64_t> created_by;  // empty: written by the system (demo loader)
    std::int64_t created_at = 0;             // Unix seconds, UTC
    std::int64_t updated_at = 0;
};

// Filters of a coordination item list; all optional, combined with AND, always within a scope.
// Answers come most urgent first: by deadline, then id.
struct CoordinationQuery {
    std::optional<std::int64_t> project_id;
    std::optional<std::string> city_code;  // six digits, the zone's city
    std::optional<std::int64_t> zone_id;
    std::optional<domain::CoordinationStatus> status;
    std::optional<domain::CoordinationCategory> category;
    std::optional<domain::CoordinationLevel> level;
    // true: only items overdue on `today` (domain::is_overdue); false: only those that are not.
    std::optional<bool> overdue;
    domain::Date today = domain::Date::from_days(0);
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

}  // namespace sanpi::store
