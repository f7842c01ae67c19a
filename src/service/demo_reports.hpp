#pragma once
// Monthly progress reports for the demo's synthetic projects (see demo_report_plan.hpp), checked
// by the same domain rules the API applies and added only for months not yet reported, so that
// loading the demo again adds nothing.
#include <cstdint>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "service/demo_audit.hpp"
#include "store/store.hpp"

namespace sanpi::service::demo {

// Adds the missing reports through 2022-12 (or the last month ended by `today`, if earlier) and
// returns how many. Needs the demo's zones, cities' and zones' accounts and projects in place.
Result<std::int64_t> load_reports(store::Tx& tx, const DemoAudit& audit, domain::Date today);

}  // namespace sanpi::service::demo
