// CampaignService::each_entry: the whole of a campaign's filtered entry list, chunk after chunk,
// for exports.
#include "service/campaign_service.hpp"
#include "service/project_identity.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

Result<domain::Campaign> CampaignService::each_entry(const Principal& who, const store::CampaignEntryQuery& query,
                                                     const EntrySink& sink, std::int64_t chunk) {
    store::CampaignEntryQuery q = query;
    q.with_investors = true;
    q.limit = chunk;
    q.offset = 0;
    return store::read_value<domain::Campaign>(store_, [&](store::Tx& tx) -> Result<domain::Campaign> {
        auto campaign = tx.get_campaign(q.campaign_id);
        if (!campaign) return campaign.error();
        if (!*campaign) return Error::not_found("活动", "campaign");
        // A campaign's entries are a few thousand at most (each project once per batch kind), so
        // OFFSET paging, inside one snapshot, reads them without a key of their own.
        for (;;) {
            auto page = tx.list_campaign_entries(who.scope, q);
            if (!page) return page.error();
            for (auto& item : page->items) {
                show_to(who, item.project);
                if (auto sent = sink(item); !sent) return sent.error();
            }
            // Until a page comes back empty: the store may serve fewer rows than asked for.
            if (page->items.empty()) return std::move(**campaign);
            q.offset += static_cast<std::int64_t>(page->items.size());
        }
    });
}

}  // namespace sanpi::service
