// The project list: filters, text search, sorting and paging in one scoped query, plus one query
// for the investors of the whole page.
#include <algorithm>
#include <unordered_map>

#include "store/sqlite/sqlite_conditions.hpp"
#include "store/sqlite/sqlite_project_rows.hpp"
#include "store/sqlite/sqlite_tx.hpp"
#include "store/sql/project_list_query.hpp"

namespace sanpi::store::sqlite {
namespace {

using sql::kMaxPageSize;

constexpr std::string_view kTextMatch =
    "(lower(p.name) LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id WHERE pi.project_id = p.id AND lower(e.name) LIKE ? ESCAPE '!'))";
constexpr std::string_view kPageInvestors =
    "SELECT pi.project_id, pi.enterprise_id, e.name FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id IN (";
constexpr std::string_view kPageInvestorsOrder = ") ORDER BY pi.project_id, pi.position";

Result<Conditions> list_conditions(const Scope& scope, const ProjectQuery& q) {
    Conditions where;
    if (auto added = sql::add_project_filters(where, scope, q, kTextMatch); !added) return added.error();
    return where;
}

std::string order_by(ProjectSortKey key, bool descending) {
    return sql::project_order_by(key, descending, "");
}

}  // namespace

Result<Page<domain::ProjectView>> SqliteTx::list_projects(const Scope& scope, const ProjectQuery& q) {
    return guarded([&]() -> Result<Page<domain::ProjectView>> {
        auto where = list_conditions(scope, q);
        if (!where) return where.error();
        Page<domain::ProjectView> page;
        {
            auto count = conn_.query("SELECT COUNT(*)" + std::string(kProjectViewFrom) + where->where());
            where->bind(*count);
            count->step();
            page.total = count->int64(0);
        }
        auto rows = conn_.query("SELECT " + std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                                std::string(kProjectViewFrom) + where->where() + order_by(q.sort, q.descending) +
                                " LIMIT ? OFFSET ?");
        const int next = where->bind(*rows);
        bind_one(*rows, next, std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize));
        bind_one(*rows, next + 1, std::max<std::int64_t>(q.offset, 0));
        while (rows->step()) page.items.push_back(read_project_view(*rows));
        load_page_investors(page.items);
        return page;
    });
}

void SqliteTx::load_page_investors(std::vector<domain::ProjectView>& views) {
    if (views.empty()) return;
    std::string sql(kPageInvestors);
    std::unordered_map<std::int64_t, domain::ProjectView*> by_id;
    for (auto& v : views) {
        sql += by_id.empty() ? "?" : ", ?";
        by_id.emplace(v.project.id, &v);
    }
    sql += kPageInvestorsOrder;
    // The IN list's length varies with the page, so this statement is not worth caching.
    auto q = conn_.query_once(sql);
    int index = 0;
    for (const auto& v : views) bind_one(*q, ++index, v.project.id);
    while (q->step()) {
        auto* view = by_id.at(q->int64(0));
        view->project.investor_ids.push_back(q->int64(1));
        view->investor_names.push_back(q->text(2));
    }
}

}  // namespace sanpi::store::sqlite
