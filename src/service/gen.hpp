#pragma once
// `sanpi gen`: a reproducible synthetic national dataset for load tests and benchmarks. Every
// province and prefecture-level city of China (china_regions_data.hpp), a few thousand
// development zones, enterprises, N projects over all stages with monthly reports and campaign
// entries, all flagged synthetic, and the demo's accounts (province = Shanxi, its cities and
// zones, supervisor, viewer) plus `nation`, who sees every province. Written through the store's
// bulk import, so the target must be migrated and empty.
#include <cstdint>

#include "domain/error.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct GenOptions {
    std::int64_t projects = 10000;
    int months = 3;              // monthly reports for the last `months` months before kGenAsOf
    std::uint64_t seed = 1;
};

struct GenReport {
    std::int64_t regions = 0;
    std::int64_t zones = 0;
    std::int64_t enterprises = 0;
    std::int64_t projects = 0;
    std::int64_t investors = 0;       // project_investors rows
    std::int64_t campaign_entries = 0;
    std::int64_t progress_reports = 0;
    std::int64_t users = 0;
};

// The dataset is "as of" this day (ISO): no actual date after it, reports up to its month. Fixed,
// so the same seed gives the same rows on any day.
inline constexpr const char* kGenAsOf = "2022-12-31";
inline constexpr const char* kGenCampaignName = "2022年全国开发区“三个一批”活动（模拟数据）";
inline constexpr std::int64_t kGenMaxProjects = 20000000;
inline constexpr int kGenMaxMonths = 24;

// Same options, same rows (the users' salted password hashes aside).
Result<GenReport> generate_national(store::Store& store, const GenOptions& options);

}  // namespace sanpi::service
