#pragma once
// Warning lights (亮灯) as use cases: the province's rules read and changed (versioned, audited, every
// light recomputed in the same transaction), the warnings list with its counts inside the caller's
// scope, a project's light with its history, and the daily sweep.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/error.hpp"
#include "domain/warning_light.hpp"
#include "domain/warning_rules.hpp"
#include "service/clock.hpp"
#include "service/light_keeper.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct WarningList {
    store::Page<store::WarningItem> page;
    store::WarningCounts counts;
};

struct ProjectLightView {
    domain::Light light = domain::Light::kGreen;
    std::vector<domain::LightReason> reasons;
    std::optional<domain::Date> since;  // none while green and never otherwise
    std::int64_t rule_version = 0;
    std::vector<store::LightHistoryEntry> history;  // oldest first
};

class WarningService {
public:
    WarningService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Every signed-in user may read the rules that light their projects.
    Result<store::WarningRulesRecord> rules(const Principal& who);
    // Province users only (kForbidden); kConflict unless `expected_version` is the current one;
    // kInvalidInput naming each bad setting, nothing written. Stores the next version, its audit
    // entry, and every project's light recomputed under it, in one transaction.
    Result<store::WarningRulesRecord> update_rules(const Principal& who, std::int64_t expected_version,
                                                   const domain::WarningRules& rules);
    // Yellow and red projects inside the caller's scope, with the counts of the same filters.
    Result<WarningList> list(const Principal& who, const store::WarningQuery& q);
    // kNotFound for a project outside the caller's scope.
    Result<ProjectLightView> project_light(const Principal& who, std::int64_t project_id);
    // The daily sweep as of `day` (default: today in Asia/Shanghai).
    Result<SweepResult> sweep(std::optional<domain::Date> day = std::nullopt, bool force = false);

private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
