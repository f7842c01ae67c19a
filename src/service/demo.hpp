#pragma once
#include <cstdint>
#include <string>

#include "domain/error.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct DemoReport {
    std::int64_t zones = 0;
    std::int64_t enterprises = 0;
    std::int64_t projects = 0;
    std::int64_t users = 0;
    std::int64_t campaign_id = 0;
    std::int64_t progress_reports = 0;  // monthly reports added
    std::int64_t coordination_items = 0;
    bool created = false;   // false when the data was already there (refresh)
};

inline constexpr const char* kDemoPassword = "sanpi-demo-2022";
inline constexpr const char* kDemoCampaignName = "2022年全省开发区第二次“三个一批”活动";

// Loads (or refreshes, never duplicating) the Shanxi demo: regions, zones, industries,
// synthetic enterprises and projects, one account per role, and the June 2022 campaign with
// exactly 321 sign, 302 start and 189 produce entries, and monthly progress reports through
// 2022-12. One transaction.
Result<DemoReport> load_demo(store::Store& store, const Clock& clock);

}  // namespace sanpi::service
