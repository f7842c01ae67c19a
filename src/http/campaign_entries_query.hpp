#pragma once
// GET /api/v1/campaigns/{id}/entries query parameters -> store::CampaignEntryQuery. As for every
// list, unknown, repeated or malformed parameters are a 400 naming each one.
#include <cstdint>
#include <variant>

#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

struct CampaignEntriesRequest {
    store::CampaignEntryQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

// `campaign_id` is the path's; the query names the rest.
std::variant<CampaignEntriesRequest, Problem> parse_campaign_entries(const QueryParams& params,
                                                                     std::int64_t campaign_id);

}  // namespace sanpi::http
