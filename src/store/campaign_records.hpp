#pragma once
// What the store answers about a campaign's entries beside the domain entry: the project each one
// counts, as lists show it. Part of the Tx interface (store.hpp includes it).
#include <cstdint>
#include <optional>
#include <string>

#include "domain/campaign.hpp"
#include "domain/project.hpp"

namespace sanpi::store {

// An entry and its project (investors loaded only on request: CampaignEntryQuery::with_investors).
struct CampaignEntryView {
    domain::CampaignEntry entry;
    domain::ProjectView project;
};

// One of a batch's largest counted entries, with what naming it needs (the service applies code
// names and names the city and industry).
struct TopEntry {
    std::int64_t project_id = 0;
    std::string name;
    std::string code_name;
    domain::Stage stage = domain::Stage::kReserve;
    std::int64_t zone_id = 0;
    std::string zone_name;
    std::string zone_region_code;
    std::string industry_code;
    domain::Money investment;
};

// Of the projects counted (confirmed) in the sign batches of campaigns dated before a day, how many
// have started since; of those counted in start batches, how many produce now.
struct ConversionCounts {
    std::int64_t signed_earlier = 0;
    std::int64_t started_since = 0;
    std::int64_t started_earlier = 0;
    std::int64_t producing_since = 0;
};

// Filters of a campaign's entry list; all optional but the campaign, combined with AND, always
// within a scope. Entries come by project id, then batch.
struct CampaignEntryQuery {
    std::int64_t campaign_id = 0;
    std::optional<domain::BatchKind> batch;
    std::optional<std::string> city_code;  // six digits, the zone's city
    std::optional<std::int64_t> zone_id;
    std::optional<domain::EntryStatus> status;
    std::int64_t offset = 0;
    std::int64_t limit = 50;
    // Also load each project's investors (ProjectView::investor_names): one more query per page,
    // which exports need and the JSON list does not.
    bool with_investors = false;
};

}  // namespace sanpi::store
