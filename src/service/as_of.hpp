#pragma once
// Official figures "as of" a day: as they stood at the end of that day in China (UTC+8), however
// the records were corrected since. The audit log is the source: every write left an entry with
// each field's value before and after, so a record as it stood is its current fields with every
// entry written after the cutoff rewound, newest first; a record whose first (creating) entry came
// later did not exist yet. Records written without an entry (the benchmark generator's bulk load)
// count as they are now. The rewound entries that touched a figure are the corrections listed
// beside an as-of answer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/date.hpp"
#include "domain/ranking.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct AsOf {
    domain::Date day = domain::Date::from_days(0);
    store::Timestamp cutoff = 0;  // the last second of `day` in China
};
AsOf as_of_end_of(domain::Date day);

// A change since the cutoff to a field a figure is made of.
struct Correction {
    std::int64_t seq = 0;
    store::Timestamp at = 0;
    std::string actor;
    std::string action;
    std::string entity_type;  // "project", "report", "coordination_item"
    std::int64_t entity_id = 0;
    std::int64_t project_id = 0;
    std::vector<domain::FieldChange> changes;  // only the figures' fields
};

// What rankings and dashboards are counted from, in a scope.
struct FigureFacts {
    std::vector<domain::ProjectFacts> projects;
    std::vector<domain::RankingReport> reports;
    std::vector<domain::RankingItem> items;
    std::vector<Correction> corrections;  // newest first; empty without an as-of day
};

// The projects of `zone_ids` (the caller's zones, read inside its scope), with `activity_from`
// also their reports from that month on and their coordination items: now, or as they stood at
// `as_of`.
Result<FigureFacts> figure_facts(store::Tx& tx, const domain::Scope& scope, const std::vector<std::int64_t>& zone_ids,
                                 std::optional<domain::Month> activity_from, const std::optional<AsOf>& as_of);

}  // namespace sanpi::service
