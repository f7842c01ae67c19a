#pragma once
// What the daily sweep does for supervision notices, after the lights: every open city notice past
// its deadline is raised to the province once (a history row and an audit entry each), then the
// escalation ladder turns lit projects into notices (at most one open notice per project per rung,
// and one per spell of light). Run twice on one day, the second run changes nothing.
#include <cstdint>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/notice.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct NoticeSweepResult {
    std::int64_t escalated = 0;      // city notices raised to the province
    std::int64_t ladder_issued = 0;  // notices the ladder issued
};

// Both parts, each in its own transactions (batches of `batch`), as of `day`.
Result<NoticeSweepResult> sweep_notices(store::Store& store, const Clock& clock, domain::Date day,
                                        std::int64_t batch = 500);
// The parts alone: how many notices each escalated or issued.
Result<std::int64_t> escalate_overdue_notices(store::Store& store, const Clock& clock, domain::Date day,
                                              std::int64_t batch = 500);
Result<std::int64_t> apply_escalation_ladder(store::Store& store, const Clock& clock, domain::Date day,
                                             std::int64_t batch = 500);

// The one place a notice and its first history row are written, with its audit entry (the service
// and the ladder). `actor_id` 0 and `actor_name` "system" for the ladder. Returns the new id.
Result<std::int64_t> write_new_notice(store::Tx& tx, const Clock& clock, std::int64_t actor_id,
                                      const std::string& actor_name, const domain::Notice& notice);

}  // namespace sanpi::service
