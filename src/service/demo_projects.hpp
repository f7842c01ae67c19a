#pragma once
// Deterministic synthetic enterprises and projects for the demo. The same input always gives
// the same data, so re-running the demo finds everything already there.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/enterprise.hpp"
#include "domain/project.hpp"
#include "domain/zone.hpp"

namespace sanpi::service::demo {

inline constexpr int kSignBatch = 321;
inline constexpr int kStartBatch = 302;
inline constexpr int kProduceBatch = 189;
inline constexpr int kOtherProjects = 188;
inline constexpr int kEnterprises = 400;

struct SyntheticProject {
    domain::Project project;                  // investor_ids hold enterprise indexes until resolved
    std::optional<domain::BatchKind> batch;   // the campaign batch it is entered into, if any
};

std::vector<domain::Enterprise> synthetic_enterprises();
// Zones must carry their region and leading industries; `event` is the campaign date.
std::vector<SyntheticProject> synthetic_projects(const std::vector<domain::Zone>& zones, domain::Date event);

}  // namespace sanpi::service::demo
