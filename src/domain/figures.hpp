#pragma once
// The figures kept up to date on write (store migration m0008): counts and investment per zone, the
// unit every scope is a union of. Dashboards and campaign summaries add these rows up; nothing
// that answers a request counts projects.
#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/money.hpp"
#include "domain/stage.hpp"

namespace sanpi::domain {

// Projects of one zone at one stage and status. The on-time counts are of these projects, those
// that reached the milestone no later than planned (both dates known).
struct StageFigure {
    std::int64_t zone_id = 0;
    Stage stage = Stage::kReserve;
    ProjectStatus status = ProjectStatus::kActive;
    std::int64_t projects = 0;
    Money investment;
    std::int64_t started_on_time = 0;
    std::int64_t producing_on_time = 0;
    std::int64_t capacity_on_time = 0;
    friend bool operator==(const StageFigure&, const StageFigure&) = default;
};

struct IndustryFigure {
    std::int64_t zone_id = 0;
    std::string industry_code;
    ProjectStatus status = ProjectStatus::kActive;
    std::int64_t projects = 0;
    Money investment;
    friend bool operator==(const IndustryFigure&, const IndustryFigure&) = default;
};

// Entries of one campaign batch whose project is in the zone, with the projects' total investment.
struct BatchFigure {
    std::int64_t campaign_id = 0;
    std::int64_t zone_id = 0;
    BatchKind batch = BatchKind::kSign;
    std::int64_t projects = 0;
    Money investment;
    friend bool operator==(const BatchFigure&, const BatchFigure&) = default;
};

// Entries of one campaign batch whose project is in the zone and the industry (m0013). Kept beside
// BatchFigure rather than instead of it: the batch totals and city and zone lines then read one row
// per zone, not one per zone and industry.
struct BatchIndustryFigure {
    std::int64_t campaign_id = 0;
    std::int64_t zone_id = 0;
    BatchKind batch = BatchKind::kSign;
    std::string industry_code;
    std::int64_t projects = 0;
    Money investment;
    friend bool operator==(const BatchIndustryFigure&, const BatchIndustryFigure&) = default;
};

// A campaign's entries per zone and batch whose counted investment is at least `threshold_yi`
// 亿元 (1, 10, 50, 100: the size bands of a bulletin), kept like the other figures (m0014).
struct BatchBandFigure {
    std::int64_t campaign_id = 0;
    std::int64_t zone_id = 0;
    BatchKind batch = BatchKind::kSign;
    std::int64_t threshold_yi = 0;
    std::int64_t projects = 0;
    Money investment;
    friend bool operator==(const BatchBandFigure&, const BatchBandFigure&) = default;
};

// The size bands, in 亿元, and the band rows an entry of `investment` adds to (those at or below it).
inline constexpr std::int64_t kSizeBandsYi[] = {1, 10, 50, 100};
inline constexpr std::int64_t kFenPerYi = 10'000'000'000;

// One campaign batch's entries of one industry, summed over the zones of a scope.
struct BatchIndustryTotal {
    BatchKind batch = BatchKind::kSign;
    std::string industry_code;
    std::int64_t projects = 0;
    Money investment;
};

// Every non-zero row, each list in key order, so two sets compare with ==. The rows per campaign,
// zone, batch and industry are read on their own (a summary needs one campaign's, summed), so the
// dashboard does not read them.
struct KeptFigures {
    std::vector<StageFigure> stages;
    std::vector<IndustryFigure> industries;
    std::vector<BatchFigure> batches;
    friend bool operator==(const KeptFigures&, const KeptFigures&) = default;
};

}  // namespace sanpi::domain
