#pragma once
// The demo's official identities and commitments: national project codes, approvals (a few close
// to lapsing), statistics entries, code names of some reserve projects, funding breakdowns that
// add up, capacity agreements and realised figures, and a few recorded slips of planned dates.
// Synthetic, deterministic (seeded by the project's code) and consistent with each project's stage
// and dates, so validate_project accepts every project as of `today`.
#include <cstdint>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"
#include "domain/zone.hpp"
#include "store/store.hpp"

namespace sanpi::service::demo {

// Fills in a synthetic project before it is first stored: its identity (demo_identity.cpp), then its
// commitments through add_commitments (demo_funding.cpp). `zones` must hold the project's zone.
void add_identity(domain::Project& p, const std::vector<domain::Zone>& zones, domain::Date today);
void add_commitments(domain::Project& p, domain::Date today);

// Records a slipped planned start, with its reason, for a few signed or started projects that have
// no planned-date history yet; running it again adds nothing.
Result<void> load_planned_slips(store::Tx& tx, domain::Date today);

// A generator seeded by the project's code, apart from the one that made the project.
std::uint64_t seed_of(const domain::Project& p, std::uint64_t salt);

}  // namespace sanpi::service::demo
