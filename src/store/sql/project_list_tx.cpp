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
        if (auto added = add_project_filters(where, scope, q, conn_.dialect()); !added) return added.error();
        Page<domain::ProjectView> page;
        if (q.count_total && !q.after && q.text) {
            // One row past the limit tells that there are more.
            auto count = conn_.prepare("SELECT COUNT(*) FROM (SELECT 1" + std::string(kProjectViewFrom) +
                                       where.where() + " LIMIT ?) AS matches");
            const auto cap = std::max<std::int64_t>(q.text_count_limit, 1);
            bind_from(*count, where.bind(*count), cap + 1);
            count->step();
            page.total = std::min(count->int64_at(0), cap);
            page.total_exact = count->int64_at(0) <= cap;
        } else if (q.count_total && !q.after) {
            auto count = conn_.prepare("SELECT COUNT(*)" + std::string(kProjectViewFrom) + where.where());
            where.bind(*count);
            count->step();
            page.total = count->int64_at(0);
        }
        if (q.after) {
            auto placed = add_project_after(where, q.sort, q.descending, q.mask_code_names, *q.after);
            if (!placed) return placed.error();
        }
        // One row more than the page tells whether another page follows.
        const auto limit = std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize);
        auto rows = conn_.prepare("SELECT " + project_sort_value(q.sort, q.mask_code_names) + ", " +
                                  std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                                  std::string(kProjectViewFrom) + where.where() +
                                  project_order_by(q.sort, q.descending, q.mask_code_names) + std::string(kPageLimit));
        const int next = where.bind(*rows);
        bind_from(*rows, next, limit + 1, q.after ? 0 : std::max<std::int64_t>(q.offset, 0));
        SortValue last_value;
        while (rows->step()) {
            if (static_cast<std::int64_t>(page.items.size()) == limit) {
                page.next = ListPosition{std::move(last_value), page.items.back().project.id};
                break;
            }
            if (q.sort == ProjectSortKey::kId || rows->null_at(0)) {
                last_value = std::monostate{};
            } else if (q.sort == ProjectSortKey::kTotalInvestment || q.sort == ProjectSortKey::kStage) {
                last_value = rows->int64_at(0);
            } else {
                last_value = rows->text_at(0);
            }
            Row row(*rows, 1);
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
