#pragma once
// Keeps each project's warning light current: every write that can change a project's light calls
// refresh_light for it inside its own transaction, and the daily sweep walks every project for the
// passing of time. The evaluation itself is the domain's (domain/warning_light.hpp).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/warning_light.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// One query of the project's facts (its row locked) and one write only when its light or reasons
// changed; a change of colour adds a history row dated `today`. Returns the light as it now stands
// (green for a project that does not exist).
Result<domain::ProjectLight> refresh_light(store::Tx& tx, std::int64_t project_id, domain::Date today);

// The same for a project just inserted in this transaction (`p` as stored, with its id): its facts
// are all on the record and it has no stored light, so no query is made and nothing is written
// while it is green (imports create projects by the hundred thousand).
Result<domain::ProjectLight> light_new_project(store::Tx& tx, const domain::Project& p, domain::Date today);

struct LightBatch {
    std::int64_t last_id = 0;   // the last project looked at; the next batch starts after it
    std::int64_t projects = 0;  // how many were looked at (fewer than asked: the walk is done)
    std::int64_t changed = 0;   // how many lights were written
};

// Up to `limit` projects after `after_id`, by id: their facts read together; those whose light
// differs from the stored one read again with their rows locked, and their new lights written
// together (a few statements per batch, whatever the number changed).
Result<LightBatch> refresh_lights_after(store::Tx& tx, std::int64_t after_id, std::int64_t limit, domain::Date today);

// Every project's light in `tx`, batch by batch (a rules change, the demo loader).
Result<LightBatch> refresh_all_lights(store::Tx& tx, domain::Date today);

// Every project's light as the rules give it today, not stored (checks and tests).
Result<std::vector<std::pair<std::int64_t, domain::ProjectLight>>> recomputed_lights(store::Tx& tx, domain::Date today);

struct SweepResult {
    bool ran = false;  // false: the day was already swept (by this or another server)
    domain::Date day = domain::Date::from_days(0);
    std::int64_t projects = 0;
    std::int64_t changed = 0;
    // Supervision notices after the lights (service/notice_sweep.hpp).
    std::int64_t notices_escalated = 0;
    std::int64_t ladder_notices = 0;
};

// The daily sweep: claims `day` (default: today in Asia/Shanghai by `clock`) so that one server
// sweeps it, then refreshes every project in batches of `batch` (one transaction each). `force`
// sweeps a day already claimed (the result is the same: the walk only writes what changed). Then
// the notices: overdue city notices escalated, the escalation ladder applied (sweep_notices).
Result<SweepResult> sweep_lights(store::Store& store, const Clock& clock, std::optional<domain::Date> day = std::nullopt,
                                 bool force = false, std::int64_t batch = 500);

}  // namespace sanpi::service
