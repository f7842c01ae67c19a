#pragma once
// The demo's supervision notices (督办单): a handful in each state, made through NoticeService as
// the demo's own accounts (supervisor, province, the city taiyuan and its zone taiyuan-zgq), so the
// notice board is not empty. Some are issued under a clock set weeks back, so that they are overdue
// today; the sweep's escalation then raises the overdue city notice to the province. The ladder is
// left to the daily sweep. Run after load_demo; a second run adds nothing (it adds only to a
// database without notices).
#include <cstdint>

#include "domain/error.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// How many notices it added (0 when the database had some already).
Result<std::int64_t> load_demo_notices(store::Store& store, const Clock& clock);

}  // namespace sanpi::service
