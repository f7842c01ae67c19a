#pragma once
// What the store answers about a campaign's entries beside the domain entry: the project each one
// counts, as lists show it. Part of the Tx interface (store.hpp includes it).
#include <cstdint>
#include <optional>
#include <string>

#include "domain/campaign.hpp"
#include "domain/project.hpp"

namespace sanpi::store {

// An entry and its project (investors are not loaded).
struct CampaignEntryView {
    domain::CampaignEntry entry;
    domain::ProjectView project;
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
};

}  // namespace sanpi::store
