#pragma once
// What the store gives a ranking (service/ranking_service.hpp): the facts of every project in a
// scope as they stand now, their monthly reports and coordination items, and the weights.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/coordination_item.hpp"
#include "domain/ranking.hpp"

namespace sanpi::store {

struct RankingReportRow {
    std::int64_t id = 0;
    domain::RankingReport report;
};

struct RankingItemRow {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    domain::Date deadline = domain::Date::from_days(0);
    domain::CoordinationStatus status = domain::CoordinationStatus::kOpen;
    std::int64_t updated_at = 0;  // Unix seconds
};

struct RankingFacts {
    std::vector<domain::ProjectFacts> projects;  // by id
    std::vector<RankingReportRow> reports;       // of those projects, from a month on
    std::vector<RankingItemRow> items;           // of those projects
};

struct RankingWeightsRecord {
    domain::RankingWeights weights;  // version 1, the defaults, when none is stored
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    std::int64_t created_at = 0;  // Unix seconds; 0 for the defaults
};

}  // namespace sanpi::store
