#pragma once
// What changed since a campaign was held: its frozen count against what its entries' projects
// would count today.
#include <vector>

#include "domain/campaign.hpp"

namespace sanpi::domain {

// How many differing entries an answer lists; `changed` counts them all.
inline constexpr std::size_t kListedDrifts = 200;

// `entries`: the campaign's counted entries in scope with their projects today, by project then
// batch (EntryDrift filled by the store). Counts per batch both ways, and the entries that differ.
CampaignChanges compare_with_today(Campaign campaign, const std::vector<EntryDrift>& entries);

// Whether the entry counts something else today than it did (or no longer counts at all).
bool differs_today(const EntryDrift& e);

}  // namespace sanpi::domain
