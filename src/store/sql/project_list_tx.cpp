// The project list: filters, text search, sorting and paging in one scoped query, plus one query
// for the investors of the whole page.
#include <algorithm>
#include <unordered_map>

#include "store/sql/conditions.hpp"
#include "store/sql/project_list_query.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace projects;

Result<Page<domain::ProjectView>> SqlTx::list_projects(const Scope& scope, const ProjectQuery& q) {
    return guarded([&]() -> Result<Page<domain::ProjectView>> {
        Conditions where;
        if (auto added = add_project_filters(where, scope, q); !added) return added.error();
        Page<domain::ProjectView> page;
        {
            auto count = conn_.prepare("SELECT COUNT(*)" + std::string(kProjectViewFrom) + where.where());
            where.bind(*count);
            count->step();
            page.total = count->int64_at(0);
        }
        auto rows = conn_.prepare("SELECT " + std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                                  std::string(kProjectViewFrom) + where.where() +
                                  project_order_by(q.sort, q.descending, q.mask_code_names) + std::string(kPageLimit));
        const int next = where.bind(*rows);
        bind_from(*rows, next, std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize), std::max<std::int64_t>(q.offset, 0));
        while (rows->step()) {
            Row row(*rows);
            page.items.push_back(read_project_view(row));
        }
        load_page_investors(page.items);
        return page;
    });
}

void SqlTx::load_page_investors(std::vector<domain::ProjectView>& views) {
    if (views.empty()) return;
    std::string text(kPageInvestors);
    std::unordered_map<std::int64_t, domain::ProjectView*> by_id;
    for (auto& v : views) {
        text += by_id.empty() ? "?" : ", ?";
        by_id.emplace(v.project.id, &v);
    }
    text += kPageInvestorsOrder;
    // The IN list's length varies with the page, so this statement is not worth keeping.
    auto q = conn_.prepare_once(text);
    int index = 0;
    for (const auto& v : views) bind_one(*q, ++index, v.project.id);
    while (q->step()) {
        auto* view = by_id.at(q->int64_at(0));
        view->project.investor_ids.push_back(q->int64_at(1));
        view->investor_names.push_back(q->text_at(2));
    }
}

}  // namespace sanpi::store::sql
