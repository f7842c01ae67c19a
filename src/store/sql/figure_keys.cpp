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

namespace {

void add_pending_amounts(StageAmounts& to, const StageAmounts& a) {
    to.projects += a.projects;
    to.investment += a.investment;
    to.started += a.started;
    to.producing += a.producing;
    to.capacity += a.capacity;
}

void add_pending_amounts(Amounts& to, const Amounts& a) {
    to.projects += a.projects;
    to.investment += a.investment;
}

template <class Map>
void absorb_pending_map(Map& into, Map&& from) {
    if (into.empty()) {
        into = std::move(from);
        return;
    }
    for (auto& [key, amounts] : from) add_pending_amounts(into[key], amounts);
}

}  // namespace

void PendingFigures::absorb(PendingFigures&& call) {
    absorb_pending_map(stages, std::move(call.stages));
    absorb_pending_map(industries, std::move(call.industries));
    absorb_pending_map(batches, std::move(call.batches));
    absorb_pending_map(campaign_industries, std::move(call.campaign_industries));
    absorb_pending_map(bands, std::move(call.bands));
    names_changed = names_changed || call.names_changed;
}

}  // namespace sanpi::store::sql
