#pragma once
// What one project contributes to the kept figures (m0008): the keys of its rows and the amounts
// it adds there. Built from a project being written, or read back from the stored row it replaces.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "domain/project.hpp"

namespace sanpi::store::sql {

struct ProjectFigureKey {
    std::int64_t zone_id = 0;
    std::string industry_code;
    domain::Stage stage = domain::Stage::kReserve;
    domain::ProjectStatus status = domain::ProjectStatus::kActive;
    std::int64_t investment_fen = 0;
    bool started_on_time = false;
    bool producing_on_time = false;
    bool capacity_on_time = false;
    friend bool operator==(const ProjectFigureKey&, const ProjectFigureKey&) = default;
};

ProjectFigureKey figure_key(const domain::Project& p);

// What a transaction's writes add to the kept figures, per row, kept in memory until the
// transaction is about to commit (SqlTx::flush_figures). Writing them last, in key order, means
// concurrent writers take the figure rows in one order and hold them only until COMMIT — and
// never while waiting for another lock (a project row, the audit chain's head), which is what
// deadlocked writers that touched two projects in one transaction.
struct StageAmounts {
    std::int64_t projects = 0, investment = 0, started = 0, producing = 0, capacity = 0;
    bool zero() const { return projects == 0 && investment == 0 && started == 0 && producing == 0 && capacity == 0; }
};
struct Amounts {
    std::int64_t projects = 0, investment = 0;
    bool zero() const { return projects == 0 && investment == 0; }
};
struct PendingFigures {
    std::map<std::tuple<std::int64_t, int, int>, StageAmounts> stages;         // zone, stage, status
    std::map<std::tuple<std::int64_t, std::string, int>, Amounts> industries;  // zone, industry, status
    std::map<std::tuple<std::int64_t, std::int64_t, int>, Amounts> batches;    // campaign, zone, batch
    // campaign, zone, batch, industry (m0013)
    std::map<std::tuple<std::int64_t, std::int64_t, int, std::string>, Amounts> campaign_industries;
    // campaign, zone, batch, size band threshold in 亿元 (m0014)
    std::map<std::tuple<std::int64_t, std::int64_t, int, std::int64_t>, Amounts> bands;
    // A zone, region, industry or campaign was written: what dashboards name or list changed even
    // where no count did, so the figures' generation (m0009) must move.
    bool names_changed = false;
    // Adds `call`'s amounts to these: a call's writes are kept apart until the call succeeds, so
    // undoing a failed call drops them instead of copying every pending figure before each call.
    void absorb(PendingFigures&& call);
    bool empty() const {
        return stages.empty() && industries.empty() && batches.empty() && campaign_industries.empty() && bands.empty() &&
               !names_changed;
    }
};

}  // namespace sanpi::store::sql
