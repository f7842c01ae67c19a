#pragma once
// Zone rankings (开发区排名) as use cases: a period's ranking inside the caller's scope, now or as it
// stood at the end of a day (service/as_of.hpp), with each zone's rank in the period before; and
// the province's indicator weights, read and changed (versioned, audited).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/ranking.hpp"
#include "service/as_of.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct RankingQuery {
    domain::RankingPeriod period;
    std::optional<domain::Date> as_of;     // none: now
    std::optional<std::string> city_code;  // six digits: only that city's zones are ranked
};

struct RankingLine {
    domain::RankedZone ranked;
    domain::ZoneMeasure measure;
    std::string zone_name;
    std::string city_code;
    std::optional<int> previous_rank;  // none: the zone had no rank then (it did not exist)
};

struct Ranking {
    domain::RankingPeriod period;
    domain::RankingPeriod previous;
    domain::Date counted_until = domain::Date::from_days(0);  // the period's last day, or the as-of day / today
    std::optional<AsOf> as_of;
    store::RankingWeightsRecord weights;  // the version in force at the as-of moment
    std::vector<RankingLine> items;       // by rank
    std::vector<Correction> corrections;  // since the as-of day, newest first; empty without one
};

class RankingService {
public:
    RankingService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // The zones of the caller's scope (a city's zones for a city user, one zone for a zone user),
    // ranked among themselves. kInvalidInput naming `as_of` for a day after today, `period` for a
    // period that has not begun by then, `city` for a city outside the scope.
    Result<Ranking> rank(const Principal& who, const RankingQuery& q);

    // Every signed-in user may read the weights.
    Result<store::RankingWeightsRecord> weights(const Principal& who);
    // Province users only (kForbidden); kConflict unless `expected_version` is the current one;
    // kInvalidInput naming each bad weight. Stores the next version and its audit entry.
    Result<store::RankingWeightsRecord> update_weights(const Principal& who, std::int64_t expected_version,
                                                       const domain::RankingWeights& weights);

private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
