// ReportService::each: the whole of a filtered report list, chunk after chunk, for exports.
#include "service/report_details.hpp"
#include "service/report_service.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

Result<void> ReportService::each(const Principal& who, const store::ReportQuery& query, const ReportSink& sink,
                                 std::int64_t chunk) {
    store::ReportQuery q = query;
    q.limit = chunk;
    q.offset = 0;
    return store_.read([&](store::Tx& tx) -> Result<void> {
        // OFFSET paging inside one snapshot: the rows cannot move between chunks. Each chunk's
        // figures come from one query for the reports of its projects, as the list's do.
        for (;;) {
            auto page = tx.list_progress_reports(who.scope, q);
            if (!page) return page.error();
            if (page->items.empty()) return {};
            q.offset += static_cast<std::int64_t>(page->items.size());
            auto details = with_figures(tx, who, std::move(*page));
            if (!details) return details.error();
            for (const auto& detail : details->items) {
                if (auto sent = sink(detail); !sent) return sent;
            }
        }
    });
}

}  // namespace sanpi::service
