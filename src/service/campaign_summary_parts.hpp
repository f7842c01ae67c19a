#pragma once
// What a campaign summary adds to its batches' breakdowns for the leaders and the bulletin: size
// bands and the largest projects per batch, the previous campaign's totals, the conversion since
// earlier campaigns, and the date its figures are as of.
#include <set>

#include "domain/campaign.hpp"
#include "domain/error.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// How many of a batch's largest projects a summary lists.
inline constexpr int kTopProjects = 10;

// Fills size_bands and top_projects of each batch, previous, previous_batches, conversion and
// figures_as_of (the day it was held; `today` for a planned campaign), within the caller's scope.
// `campaigns` are every campaign by date (the previous one is the one before it).
Result<void> add_summary_parts(store::Tx& tx, const Principal& who, domain::CampaignSummary& summary,
                               const std::vector<domain::Campaign>& campaigns, domain::Date today);

// The summary as of the end of `day`, a day before `campaign` was held (campaign_summary_then.cpp):
// the entries as they stood, from the audit log, counted with their projects as they stood; the
// campaign's status is planning, figures_as_of is `day`; the previous campaign is the last before it
// that existed that day (its frozen figures if it had been held, else its entries as they stood),
// and the conversion counts the earlier campaigns' entries and projects as they stood.
// kInvalidInput naming as_of when the campaign had not been created by then.
// Campaigns created or held in the system after `cutoff` (whatever day their event was): not held
// at that moment, as the audit log tells.
Result<std::set<std::int64_t>> held_after(store::Tx& tx, store::Timestamp cutoff);

Result<domain::CampaignSummary> summary_before_held(store::Tx& tx, const Principal& who,
                                                    const domain::Campaign& campaign, domain::Date day);

}  // namespace sanpi::service
