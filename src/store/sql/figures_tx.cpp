// The kept figures (m0008, m0013): what project and campaign entry writes add to them, in the writer's
// transaction, and their reads and full recount.
//
// Concurrent writers on PostgreSQL stay exact because every change is one atomic upsert that adds
// a difference, and the project row is locked (FOR UPDATE) while its old contribution is read, so
// two writes of one project, or of a project and its entries, take turns. The differences are
// summed in memory and written by flush_figures just before COMMIT, in key order (stages, then
// industries, then batches, then campaign industries), so writers take the figure rows in one
// order, last, and never wait for another lock while holding one: they do not deadlock on them.
#include <algorithm>
#include <map>
#include <tuple>

#include "store/sql/campaigns_sql.hpp"
#include "store/sql/conditions.hpp"
#include "store/sql/figures_sql.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace figures;

namespace {

std::int64_t signed_flag(bool flag, int sign) { return flag ? sign : 0; }

domain::StageFigure read_stage(Row& row) {
    domain::StageFigure f;
    f.zone_id = row.int64();
    f.stage = row.enumeration(domain::stage_from_string, "stage");
    f.status = row.enumeration(domain::project_status_from_string, "status");
    f.projects = row.int64();
    f.investment = row.money();
    f.started_on_time = row.int64();
    f.producing_on_time = row.int64();
    f.capacity_on_time = row.int64();
    return f;
}

domain::IndustryFigure read_industry(Row& row) {
    domain::IndustryFigure f;
    f.zone_id = row.int64();
    f.industry_code = row.text();
    f.status = row.enumeration(domain::project_status_from_string, "status");
    f.projects = row.int64();
    f.investment = row.money();
    return f;
}

domain::BatchFigure read_batch(Row& row) {
    domain::BatchFigure f;
    f.campaign_id = row.int64();
    f.zone_id = row.int64();
    f.batch = row.enumeration(domain::batch_kind_from_string, "batch");
    f.projects = row.int64();
    f.investment = row.money();
    return f;
}

template <class Figure, class Read>
std::vector<Figure> read_all(Statement& q, Read read) {
    std::vector<Figure> out;
    while (q.step()) {
        Row row(q);
        out.push_back(read(row));
    }
    return out;
}

}  // namespace

std::optional<ProjectFigureKey> SqlTx::lock_project_figures(std::int64_t id, std::optional<std::int64_t> version) {
    auto q = conn_.prepare(std::string(kProjectFigureFields) + std::string(version ? kAtVersion : "") +
                           std::string(kLocked));
    if (version) {
        bind_all(*q, id, *version);
    } else {
        bind_all(*q, id);
    }
    if (!q->step()) return std::nullopt;
    Row row(*q);
    domain::Project p;
    p.zone_id = row.int64();
    p.industry_code = row.text();
    p.stage = row.enumeration(domain::stage_from_string, "stage");
    p.status = row.enumeration(domain::project_status_from_string, "status");
    p.total_investment = row.money();
    p.planned.start = row.optional_date();
    p.planned.production = row.optional_date();
    p.planned.capacity = row.optional_date();
    p.actual.start = row.optional_date();
    p.actual.production = row.optional_date();
    p.actual.capacity = row.optional_date();
    return figure_key(p);
}

void SqlTx::add_project_figures(const std::optional<ProjectFigureKey>& before, const ProjectFigureKey& after) {
    if (before && *before == after) return;
    const auto add = [&](const ProjectFigureKey& k, int sign) {
        auto& s = figures_.stages[{k.zone_id, static_cast<int>(k.stage), static_cast<int>(k.status)}];
        s.projects += sign;
        s.investment += sign * k.investment_fen;
        s.started += signed_flag(k.started_on_time, sign);
        s.producing += signed_flag(k.producing_on_time, sign);
        s.capacity += signed_flag(k.capacity_on_time, sign);
        auto& i = figures_.industries[{k.zone_id, k.industry_code, static_cast<int>(k.status)}];
        i.projects += sign;
        i.investment += sign * k.investment_fen;
    };
    if (before) add(*before, -1);
    add(after, +1);
}

void SqlTx::add_batch_figure(std::int64_t campaign_id, std::int64_t zone_id, domain::BatchKind batch,
                             std::int64_t projects, std::int64_t investment_fen) {
    auto& a = figures_.batches[{campaign_id, zone_id, static_cast<int>(batch)}];
    a.projects += projects;
    a.investment += investment_fen;
    // One entry at a time (projects is +1 or -1): its investment says which size bands it is in.
    const std::int64_t one_investment = investment_fen < 0 ? -investment_fen : investment_fen;
    for (const auto threshold : domain::kSizeBandsYi) {
        if (one_investment < threshold * domain::kFenPerYi) break;
        auto& band = figures_.bands[{campaign_id, zone_id, static_cast<int>(batch), threshold}];
        band.projects += projects;
        band.investment += investment_fen;
    }
}

void SqlTx::add_campaign_industry_figure(std::int64_t campaign_id, domain::BatchKind batch,
                                         const ProjectFigureKey& project, int sign) {
    auto& a =
        figures_.campaign_industries[{campaign_id, project.zone_id, static_cast<int>(batch), project.industry_code}];
    a.projects += sign;
    a.investment += sign * project.investment_fen;
}

void SqlTx::move_entry_figures(std::int64_t project_id, const ProjectFigureKey& before, const ProjectFigureKey& after) {
    if (before.zone_id == after.zone_id && before.investment_fen == after.investment_fen &&
        before.industry_code == after.industry_code) {
        return;
    }
    auto q = conn_.prepare(kPlannedEntriesOfProject);
    bind_all(*q, project_id);
    struct Followed {
        std::int64_t campaign;
        domain::BatchKind batch;
        bool counted;
    };
    std::vector<Followed> entries;
    while (q->step()) {
        Row row(*q);
        const auto campaign = row.int64();
        const auto batch = row.enumeration(domain::batch_kind_from_string, "batch");
        const auto status = row.enumeration(domain::entry_status_from_string, "entry status");
        entries.push_back({campaign, batch, status != domain::EntryStatus::kProposed});
    }
    for (const auto& e : entries) {
        auto follow = conn_.prepare(kFollowProject);
        bind_all(*follow, after.zone_id, after.industry_code, after.investment_fen, e.campaign, project_id,
                 domain::to_string(e.batch));
        run(*follow);
        if (!e.counted) continue;
        add_batch_figure(e.campaign, before.zone_id, e.batch, -1, -before.investment_fen);
        add_batch_figure(e.campaign, after.zone_id, e.batch, +1, after.investment_fen);
        add_campaign_industry_figure(e.campaign, e.batch, before, -1);
        add_campaign_industry_figure(e.campaign, e.batch, after, +1);
    }
}

void SqlTx::add_entry_figures(const domain::CampaignEntry& e, const ProjectFigureKey& project) {
    add_batch_figure(e.campaign_id, project.zone_id, e.batch, 1, project.investment_fen);
    add_campaign_industry_figure(e.campaign_id, e.batch, project, +1);
}

Result<void> SqlTx::flush_figures() {
    if (figures_.empty()) return {};
    // Nothing here is read back, so the rows go with the COMMIT (run_later): each figure row is
    // locked for the last round trip of the transaction only.
    return guarded([&]() -> Result<void> {
        bool changed = figures_.names_changed;
        for (const auto& [key, a] : figures_.stages) {
            if (a.zero()) continue;
            changed = true;
            auto q = conn_.prepare(kAddStage);
            bind_all(*q, std::get<0>(key), domain::to_string(static_cast<domain::Stage>(std::get<1>(key))),
                     domain::to_string(static_cast<domain::ProjectStatus>(std::get<2>(key))), a.projects, a.investment,
                     a.started, a.producing, a.capacity);
            conn_.run_later(std::move(q));
        }
        for (const auto& [key, a] : figures_.industries) {
            if (a.zero()) continue;
            changed = true;
            auto q = conn_.prepare(kAddIndustry);
            bind_all(*q, std::get<0>(key), std::get<1>(key),
                     domain::to_string(static_cast<domain::ProjectStatus>(std::get<2>(key))), a.projects, a.investment);
            conn_.run_later(std::move(q));
        }
        for (const auto& [key, a] : figures_.batches) {
            if (a.zero()) continue;
            changed = true;
            auto q = conn_.prepare(kAddBatch);
            bind_all(*q, std::get<0>(key), std::get<1>(key),
                     domain::to_string(static_cast<domain::BatchKind>(std::get<2>(key))), a.projects, a.investment);
            conn_.run_later(std::move(q));
        }
        for (const auto& [key, a] : figures_.campaign_industries) {
            if (a.zero()) continue;
            changed = true;
            auto q = conn_.prepare(kAddCampaignIndustry);
            bind_all(*q, std::get<0>(key), std::get<1>(key),
                     domain::to_string(static_cast<domain::BatchKind>(std::get<2>(key))), std::get<3>(key), a.projects,
                     a.investment);
            conn_.run_later(std::move(q));
        }
        for (const auto& [key, a] : figures_.bands) {
            if (a.zero()) continue;
            changed = true;
            auto q = conn_.prepare(kAddBand);
            bind_all(*q, std::get<0>(key), std::get<1>(key),
                     domain::to_string(static_cast<domain::BatchKind>(std::get<2>(key))), std::get<3>(key), a.projects,
                     a.investment);
            conn_.run_later(std::move(q));
        }
        // Last, after the figure rows (in their key order), so no writer waits for a figure row
        // while holding this one.
        if (changed) conn_.run_later(conn_.prepare(kRaiseGeneration));
        figures_ = {};
        return {};
    });
}

Result<std::int64_t> SqlTx::figures_generation() {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kReadGeneration);
        if (!q->step()) return internal_error("figures_generation has no row");
        return Row(*q).int64();
    });
}

Result<std::vector<domain::BatchSummary>> SqlTx::campaign_batches(const Scope& scope, std::int64_t campaign_id) {
    return guarded([&]() -> Result<std::vector<domain::BatchSummary>> {
        Conditions where;
        where.add("f.campaign_id = ?", campaign_id);
        if (auto scoped = add_scope(where, scope, "f.zone_id", "z.region_code"); !scoped) return scoped.error();
        std::vector<domain::BatchSummary> out;
        for (auto kind : {domain::BatchKind::kSign, domain::BatchKind::kStart, domain::BatchKind::kProduce}) {
            domain::BatchSummary summary;
            summary.batch = kind;
            out.push_back(std::move(summary));
        }
        auto q = conn_.prepare(std::string(kCampaignBatchTotals) + where.where() + std::string(kBatchGroup));
        where.bind(*q);
        while (q->step()) {
            Row row(*q);
            const auto kind = row.enumeration(domain::batch_kind_from_string, "batch");
            const auto count = row.int64();
            const auto investment = row.money_sum();
            for (auto& summary : out) {
                if (summary.batch != kind) continue;
                summary.projects = count;
                summary.total_investment = investment;
            }
        }
        return out;
    });
}

Result<domain::KeptFigures> SqlTx::kept_figures(const Scope& scope) {
    return guarded([&]() -> Result<domain::KeptFigures> {
        const auto scoped = [&](std::string_view non_zero) -> Result<Conditions> {
            Conditions where;
            where.add(non_zero);
            if (auto r = add_scope(where, scope, "f.zone_id", "z.region_code"); !r) return r.error();
            return where;
        };
        domain::KeptFigures out;
        auto stage_where = scoped(kStagesNonZero);
        if (!stage_where) return stage_where.error();
        auto stages = conn_.prepare(std::string(kKeptStages) + stage_where->where() + std::string(kStagesOrder));
        stage_where->bind(*stages);
        out.stages = read_all<domain::StageFigure>(*stages, read_stage);
        auto count_where = scoped(kCountsNonZero);
        if (!count_where) return count_where.error();
        auto industries =
            conn_.prepare(std::string(kKeptIndustries) + count_where->where() + std::string(kIndustriesOrder));
        count_where->bind(*industries);
        out.industries = read_all<domain::IndustryFigure>(*industries, read_industry);
        auto batches = conn_.prepare(std::string(kKeptBatches) + count_where->where() + std::string(kBatchesOrder));
        count_where->bind(*batches);
        out.batches = read_all<domain::BatchFigure>(*batches, read_batch);
        return out;
    });
}

Result<domain::KeptFigures> SqlTx::recomputed_figures() {
    return guarded([&]() -> Result<domain::KeptFigures> {
        domain::KeptFigures out;
        auto stages = conn_.prepare(std::string(kRecountStages) + std::string(kRecountStagesOrder));
        out.stages = read_all<domain::StageFigure>(*stages, read_stage);
        auto industries = conn_.prepare(std::string(kRecountIndustries) + std::string(kRecountIndustriesOrder));
        out.industries = read_all<domain::IndustryFigure>(*industries, read_industry);
        auto batches = conn_.prepare(std::string(kRecountBatches) + std::string(kRecountBatchesOrder));
        out.batches = read_all<domain::BatchFigure>(*batches, read_batch);
        return out;
    });
}

Result<std::int64_t> SqlTx::stale_campaign_entries() {
    return guarded([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare_once(kStalePlannedEntries);
        q->step();
        return q->int64_at(0);
    });
}

Result<void> SqlTx::rebuild_figures() {
    return atomically([&]() -> Result<void> {
        run(*conn_.prepare_once(kSyncPlannedEntries));
        for (auto clear : {kClearStages, kClearIndustries, kClearBatches, kClearCampaignIndustries, kClearBands}) {
            run(*conn_.prepare_once(clear));
        }
        run(*conn_.prepare_once(std::string(kFillStages) + std::string(kRecountStages)));
        run(*conn_.prepare_once(std::string(kFillIndustries) + std::string(kRecountIndustries)));
        run(*conn_.prepare_once(std::string(kFillBatches) + std::string(kRecountBatches)));
        run(*conn_.prepare_once(std::string(kFillCampaignIndustries) + std::string(kRecountCampaignIndustries)));
        run(*conn_.prepare_once(std::string(kFillBands) + std::string(kRecountBands)));
        run(*conn_.prepare(kRaiseGeneration));
        return {};
    });
}

}  // namespace sanpi::store::sql
