#include "store/sql/figure_keys.hpp"

namespace sanpi::store::sql {
namespace {

// The same test as the recount's `actual <= planned`, where a missing date is never on time.
bool on_time(const std::optional<domain::Date>& actual, const std::optional<domain::Date>& planned) {
    return actual && planned && *actual <= *planned;
}

}  // namespace

ProjectFigureKey figure_key(const domain::Project& p) {
    return ProjectFigureKey{p.zone_id,
                            p.industry_code,
                            p.stage,
                            p.status,
                            p.total_investment.fen(),
                            on_time(p.actual.start, p.planned.start),
                            on_time(p.actual.production, p.planned.production),
                            on_time(p.actual.capacity, p.planned.capacity)};
}

}  // namespace sanpi::store::sql
