#pragma once
// The demo's coordination items (问题诉求): synthetic, deterministic, and made through the same
// domain workflow as real ones. Run after the projects and accounts exist.
//
// "Overdue" is always judged against the server's today (China time): an item is overdue once
// today is after its deadline and it is neither resolved nor closed. The demo raises its items in
// 2022 with deadlines weeks later, so every open, in-progress or reopened item among them is
// overdue from early 2023 on (under the tests' 2024-01-15 clock and under the real clock alike),
// except the long-term ones due kLongTermDeadline, which are not overdue before that day.
#include <cstdint>

#include "domain/error.hpp"
#include "service/demo.hpp"
#include "service/demo_audit.hpp"
#include "store/store.hpp"

namespace sanpi::service::demo {

inline constexpr const char* kLongTermDeadline = "2030-06-30";

// Adds the items of every chosen demo project that it lacks (matched by description), so a second
// run adds nothing; counts what it adds in report.coordination_items.
Result<void> load_coordination_items(store::Tx& tx, const DemoAudit& audit, DemoReport& report);

}  // namespace sanpi::service::demo
