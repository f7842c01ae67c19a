// What a campaign summary breaks its batches down by, read from the kept figures (m0008, m0013):
// its rows per zone, and its industries per batch summed inside the database so that a wide scope
// sends a few dozen rows, not one per zone and industry. Also the industry rows' check against a
// full recount. The writes that keep them are in figures_tx.cpp.
#include "store/sql/conditions.hpp"
#include "store/sql/figures_sql.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace figures;

namespace {

// The campaign's rows inside `scope`; the figure table is `f`, joined to zones `z`.
Result<Conditions> campaign_in_scope(const Scope& scope, std::int64_t campaign_id) {
    Conditions where;
    where.add("f.campaign_id = ?", campaign_id);
    if (auto scoped = add_scope(where, scope, "f.zone_id", "z.region_code"); !scoped) return scoped.error();
    return where;
}

domain::BatchIndustryFigure read_campaign_industry(const Statement& st) {
    Row row(st);
    domain::BatchIndustryFigure f;
    f.campaign_id = row.int64();
    f.zone_id = row.int64();
    f.batch = row.enumeration(domain::batch_kind_from_string, "batch");
    f.industry_code = row.text();
    f.projects = row.int64();
    f.investment = row.money();
    return f;
}

std::vector<domain::BatchIndustryFigure> read_campaign_industries(Statement& q) {
    std::vector<domain::BatchIndustryFigure> out;
    while (q.step()) out.push_back(read_campaign_industry(q));
    return out;
}

domain::BatchBandFigure read_campaign_band(Row& row) {
    domain::BatchBandFigure f;
    f.campaign_id = row.int64();
    f.zone_id = row.int64();
    f.batch = row.enumeration(domain::batch_kind_from_string, "batch");
    f.threshold_yi = row.int64();
    f.projects = row.int64();
    f.investment = row.money();
    return f;
}

std::vector<domain::BatchBandFigure> read_campaign_bands(Statement& q) {
    std::vector<domain::BatchBandFigure> out;
    while (q.step()) {
        Row row(q);
        out.push_back(read_campaign_band(row));
    }
    return out;
}

}  // namespace

Result<std::vector<domain::BatchBandFigure>> SqlTx::kept_campaign_bands() {
    return guarded([&]() -> Result<std::vector<domain::BatchBandFigure>> {
        auto q = conn_.prepare(kKeptBands);
        return read_campaign_bands(*q);
    });
}

Result<std::vector<domain::BatchBandFigure>> SqlTx::recomputed_campaign_bands() {
    return guarded([&]() -> Result<std::vector<domain::BatchBandFigure>> {
        auto q = conn_.prepare(std::string(kRecountBands) + std::string(kRecountBandsOrder));
        return read_campaign_bands(*q);
    });
}

// Summed inside the database per batch and band: a wide scope sends at most twelve rows.
Result<std::vector<domain::BatchBandFigure>> SqlTx::campaign_band_totals(const Scope& scope, std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::BatchBandFigure>> {
        auto where = campaign_in_scope(scope, campaign_id);
        if (!where) return where.error();
        auto q = conn_.prepare(std::string(kCampaignBandTotals) + where->where() + std::string(kCampaignBandGroup));
        where->bind(*q);
        std::vector<domain::BatchBandFigure> out;
        while (q->step()) {
            Row row(*q);
            domain::BatchBandFigure f;
            f.campaign_id = campaign_id;
            f.batch = row.enumeration(domain::batch_kind_from_string, "batch");
            f.threshold_yi = row.int64();
            f.projects = row.int64();
            f.investment = row.money_sum();
            out.push_back(f);
        }
        return out;
    });
}

Result<std::vector<domain::BatchFigure>> SqlTx::campaign_zone_figures(const Scope& scope, std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::BatchFigure>> {
        auto where = campaign_in_scope(scope, campaign_id);
        if (!where) return where.error();
        where->add(kCountsNonZero);
        auto q = conn_.prepare(std::string(kKeptBatches) + where->where() + std::string(kBatchesOrder));
        where->bind(*q);
        std::vector<domain::BatchFigure> out;
        while (q->step()) {
            Row row(*q);
            domain::BatchFigure f;
            f.campaign_id = row.int64();
            f.zone_id = row.int64();
            f.batch = row.enumeration(domain::batch_kind_from_string, "batch");
            f.projects = row.int64();
            f.investment = row.money();
            out.push_back(f);
        }
        return out;
    });
}

Result<std::vector<domain::BatchIndustryTotal>> SqlTx::campaign_industry_totals(const Scope& scope,
                                                                                std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::BatchIndustryTotal>> {
        auto where = campaign_in_scope(scope, campaign_id);
        if (!where) return where.error();
        auto q =
            conn_.prepare(std::string(kCampaignIndustryTotals) + where->where() + std::string(kCampaignIndustryGroup));
        where->bind(*q);
        std::vector<domain::BatchIndustryTotal> out;
        while (q->step()) {
            Row row(*q);
            domain::BatchIndustryTotal t;
            t.batch = row.enumeration(domain::batch_kind_from_string, "batch");
            t.industry_code = row.text();
            t.projects = row.int64();
            t.investment = row.money_sum();
            out.push_back(std::move(t));
        }
        return out;
    });
}

Result<std::vector<domain::BatchIndustryFigure>> SqlTx::kept_campaign_industries() {
    return guarded([&]() -> Result<std::vector<domain::BatchIndustryFigure>> {
        auto q = conn_.prepare(kKeptCampaignIndustries);
        return read_campaign_industries(*q);
    });
}

Result<std::vector<domain::BatchIndustryFigure>> SqlTx::recomputed_campaign_industries() {
    return guarded([&]() -> Result<std::vector<domain::BatchIndustryFigure>> {
        auto q = conn_.prepare(std::string(kRecountCampaignIndustries) + std::string(kRecountCampaignIndustriesOrder));
        return read_campaign_industries(*q);
    });
}

}  // namespace sanpi::store::sql
