// ProjectService::each: the whole of a filtered project list, page after page by key, for exports.
#include "service/project_identity.hpp"
#include "service/project_service.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

Result<void> ProjectService::each(const Principal& who, const store::ProjectQuery& query, const ProjectSink& sink,
                                  std::int64_t chunk) {
    store::ProjectQuery q = query;
    q.mask_code_names = !sees_every_name(who);
    q.count_total = false;
    q.offset = 0;
    q.limit = chunk;
    q.after.reset();
    return store_.read([&](store::Tx& tx) -> Result<void> {
        for (;;) {
            auto page = tx.list_projects(who.scope, q);
            if (!page) return page.error();
            for (auto& view : page->items) {
                show_to(who, view);
                if (auto sent = sink(view); !sent) return sent;
            }
            if (!page->next) return {};
            q.after = std::move(page->next);
        }
    });
}

}  // namespace sanpi::service
