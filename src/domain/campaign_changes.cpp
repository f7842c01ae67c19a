#include "domain/campaign_changes.hpp"

namespace sanpi::domain {
namespace {

// Counted today: not withdrawn, not cancelled, and still at (or past) the batch's stage.
bool entry_counts_today(const EntryDrift& e) {
    return e.entry.status != EntryStatus::kWithdrawn && e.status_now != ProjectStatus::kCancelled &&
           e.stage_now >= stage_of(e.entry.batch);
}

}  // namespace

bool differs_today(const EntryDrift& e) {
    return !entry_counts_today(e) || e.zone_id_now != e.entry.zone_id || e.industry_now != e.entry.industry_code ||
           e.investment_now != e.entry.investment;
}

CampaignChanges compare_with_today(Campaign campaign, const std::vector<EntryDrift>& entries) {
    CampaignChanges out;
    out.campaign = std::move(campaign);
    for (auto b : {BatchKind::kSign, BatchKind::kStart, BatchKind::kProduce}) out.batches.push_back({b, 0, {}, 0, {}});
    for (const auto& e : entries) {
        auto& batch = out.batches[static_cast<std::size_t>(e.entry.batch)];
        ++batch.projects_counted;
        batch.investment_counted += e.entry.investment;
        if (entry_counts_today(e)) {
            ++batch.projects_now;
            batch.investment_now += e.investment_now;
        }
        if (!differs_today(e)) continue;
        ++out.changed;
        if (out.entries.size() < kListedDrifts) out.entries.push_back(e);
    }
    return out;
}

}  // namespace sanpi::domain
