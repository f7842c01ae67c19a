#pragma once
// The synthetic national dataset as plain values, before it becomes rows: which zones exist and
// what each project is. A pure function of the options, so the same seed always plans the same.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/project.hpp"
#include "domain/zone.hpp"
#include "service/gen.hpp"

namespace sanpi::service::gen {

struct PlannedZone {
    domain::Zone zone;                     // id is its position + 1
    std::optional<std::int64_t> account;   // the zone's demo account, when it has one (user id)
};

struct PlannedProject {
    domain::Project project;               // id is its position + 1; investor_ids are enterprise ids
    std::optional<domain::BatchKind> batch;
};

struct Plan {
    std::vector<PlannedZone> zones;
    std::int64_t enterprises = 0;
};

domain::Date as_of();
domain::Date campaign_event();

Plan plan_zones(std::uint64_t seed, std::int64_t projects);
// Project `index` (0-based): depends only on the seed, the index and the zones.
PlannedProject plan_project(std::uint64_t seed, std::int64_t index, const Plan& plan);

}  // namespace sanpi::service::gen
