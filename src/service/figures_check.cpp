#include "service/figures_check.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <vector>

#include "store/transact.hpp"

namespace sanpi::service {
namespace {

auto fields(const domain::StageFigure& f) {
    return std::tuple(f.zone_id, f.stage, f.status, f.projects, f.investment.fen(), f.started_on_time,
                      f.producing_on_time, f.capacity_on_time);
}
auto fields(const domain::IndustryFigure& f) {
    return std::tuple(f.zone_id, f.industry_code, f.status, f.projects, f.investment.fen());
}
auto fields(const domain::BatchFigure& f) {
    return std::tuple(f.campaign_id, f.zone_id, f.batch, f.projects, f.investment.fen());
}
auto fields(const domain::BatchBandFigure& f) {
    return std::tuple(f.campaign_id, f.zone_id, f.batch, f.threshold_yi, f.projects, f.investment.fen());
}
auto fields(const domain::BatchIndustryFigure& f) {
    return std::tuple(f.campaign_id, f.zone_id, f.batch, f.industry_code, f.projects, f.investment.fen());
}

// Rows in one list but not in the other, keys and values alike.
template <class Row>
std::int64_t differing(std::vector<Row> kept, std::vector<Row> counted) {
    const auto less = [](const Row& a, const Row& b) { return fields(a) < fields(b); };
    std::sort(kept.begin(), kept.end(), less);
    std::sort(counted.begin(), counted.end(), less);
    std::vector<Row> only;
    std::set_symmetric_difference(kept.begin(), kept.end(), counted.begin(), counted.end(), std::back_inserter(only),
                                  less);
    return static_cast<std::int64_t>(only.size());
}

}  // namespace

Result<FiguresCheck> check_figures(store::Store& store) {
    return store::read_value<FiguresCheck>(store, [](store::Tx& tx) -> Result<FiguresCheck> {
        auto kept = tx.kept_figures(domain::Scope::all());
        if (!kept) return kept.error();
        auto counted = tx.recomputed_figures();
        if (!counted) return counted.error();
        auto kept_industries = tx.kept_campaign_industries();
        if (!kept_industries) return kept_industries.error();
        auto counted_industries = tx.recomputed_campaign_industries();
        if (!counted_industries) return counted_industries.error();
        auto stale = tx.stale_campaign_entries();
        if (!stale) return stale.error();
        auto kept_bands = tx.kept_campaign_bands();
        if (!kept_bands) return kept_bands.error();
        auto counted_bands = tx.recomputed_campaign_bands();
        if (!counted_bands) return counted_bands.error();
        return FiguresCheck{differing(std::move(kept->stages), std::move(counted->stages)),
                            differing(std::move(kept->industries), std::move(counted->industries)),
                            differing(std::move(kept->batches), std::move(counted->batches)),
                            differing(std::move(*kept_industries), std::move(*counted_industries)), *stale,
                            differing(std::move(*kept_bands), std::move(*counted_bands))};
    });
}

Result<void> rebuild_figures(store::Store& store) {
    return store.write([](store::Tx& tx) { return tx.rebuild_figures(); });
}

}  // namespace sanpi::service
