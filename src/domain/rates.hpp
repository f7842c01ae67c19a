#pragma once
// The rates of the campaign, defined once; every report and dashboard uses these functions.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/money.hpp"

namespace sanpi::domain {

// A ratio kept as numerator/denominator so it is exact and can be summed across regions.
struct Rate {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    bool defined() const { return denominator != 0; }
    // Per-mille rounded half up (e.g. 940 for 94.0%); nullopt when the denominator is 0.
    std::optional<std::int64_t> permille() const;
    std::string percent_text() const;  // "94.1%" or "—"
};

// Counts of projects within a scope and period, as reported by the store.
struct StageCounts {
    std::int64_t signed_count = 0;  // reached signed or later
    std::int64_t started = 0;       // reached started or later
    std::int64_t producing = 0;     // reached producing or later
    std::int64_t at_capacity = 0;
    std::int64_t started_on_time = 0;    // of `started`: actual start <= planned start
    std::int64_t producing_on_time = 0;  // of `producing`: actual production <= planned production
    std::int64_t capacity_on_time = 0;   // of `at_capacity`: actual capacity <= planned capacity
};

Rate start_rate(const StageCounts& c);       // started / signed
Rate production_rate(const StageCounts& c);  // producing / started
Rate capacity_rate(const StageCounts& c);    // at capacity / producing
// On-time variants: the share of the projects that reached a milestone which reached it by the
// planned date, so a late start and a missing start are not confused.
Rate on_time_start_rate(const StageCounts& c);                      // started on time / started
Rate on_time_production_rate(const StageCounts& c);                 // producing on time / producing
Rate on_time_capacity_rate(const StageCounts& c);                   // at capacity on time / at capacity
Rate investment_completion(Money completed, Money annual_planned);  // in fen

}  // namespace sanpi::domain
