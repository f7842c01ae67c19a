#pragma once
// The rules of a "three batches" campaign that need no database: what a campaign must say, which
// projects a batch may count as of the event date, and what a project's later edits must keep true
// of the batches it was counted in.
#include <vector>

#include "domain/campaign.hpp"
#include "domain/error.hpp"
#include "domain/project.hpp"

namespace sanpi::domain {

// Longest campaign or venue name, in characters.
inline constexpr std::size_t kMaxCampaignNameChars = 100;

// Field problems of a campaign as it would be stored: a name; a year equal to the date's; a
// sequence from 1; venues with names, six-digit region codes, at most one main venue and no city or
// zone with two branch venues. Errors name "name", "year", "sequence", "venues[i].name" ...
std::vector<FieldError> validate_campaign(const Campaign& c);

// Whether `project` may be counted in `batch` of an event held on `event`: not cancelled, the
// batch's prerequisite stage (signed for the start batch, started for the production batch)
// reached on or before the event, and the batch's own stage, if already reached, reached on or
// before it. The error names "batch" and says which date is wrong.
Result<void> check_entry_stage(const Project& project, BatchKind batch, Date event);

// What a change to a counted project must keep: in a held campaign the batch's own stage reached
// on or before the event (the bulletin counted it), in a planned one the prerequisite. A correction
// behind either is refused until the entry is withdrawn; the error names "to" and the campaign.
Result<void> check_entry_kept(const Project& project, BatchKind batch, const Campaign& campaign);

}  // namespace sanpi::domain
