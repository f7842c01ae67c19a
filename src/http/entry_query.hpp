#pragma once
// GET /api/v1/campaigns/{id}/entries query parameters -> store::CampaignEntryQuery, and the same
// filters for the batch list's export. Unknown, repeated or malformed parameters are a 400 naming
// each one.
#include <cstdint>
#include <variant>

#include "domain/bulletin.hpp"
#include "domain/money.hpp"
#include "http/context.hpp"
#include "http/list_params.hpp"
#include "store/store.hpp"

namespace sanpi::http {

// `batch`, `city`, `zone`, `status` and the page.
struct EntriesRequest {
    store::CampaignEntryQuery query;
    std::int64_t page = 1;
    std::int64_t page_size = kDefaultPageSize;
};

std::variant<EntriesRequest, Problem> parse_entries_request(const QueryParams& params, std::int64_t campaign_id);

// GET /api/v1/campaigns/{id}/entries/export.xlsx: the list's filters (no paging: every row),
// `unit` and `lang` as for the project list's export.
struct EntriesExportRequest {
    store::CampaignEntryQuery query;
    domain::MoneyUnit unit = domain::MoneyUnit::kYi;
    domain::BulletinLang lang = domain::BulletinLang::kZh;
};

std::variant<EntriesExportRequest, Problem> parse_entries_export(const QueryParams& params, std::int64_t campaign_id);

}  // namespace sanpi::http
