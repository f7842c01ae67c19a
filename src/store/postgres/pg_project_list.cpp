// The project list: filters, text search, sorting and paging in one scoped query, plus one query
// for the investors of the whole page.
#include <algorithm>
#include <unordered_map>

#include "store/postgres/pg_conditions.hpp"
#include "store/postgres/pg_project_rows.hpp"
#include "store/postgres/pg_tx.hpp"
#include "store/sql/project_list_query.hpp"

namespace sanpi::store::postgres {
namespace {

using sql::kMaxPageSize;

// lower() under COLLATE "C" folds ASCII only, exactly like SQLite's lower() and LIKE, so a search
// matches the same rows on both backends (ILIKE would also fold non-ASCII letters).
constexpr std::string_view kTextMatch =
    "(lower(p.name COLLATE \"C\") LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id WHERE pi.project_id = p.id "
    "AND lower(e.name COLLATE \"C\") LIKE ? ESCAPE '!'))";
constexpr std::string_view kPageInvestors =
    "SELECT pi.project_id, pi.enterprise_id, e.name FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id = ANY($1::bigint[]) ORDER BY pi.project_id, pi.position";

Result<Conditions> list_conditions(const Scope& scope, const ProjectQuery& q) {
    Conditions where;
    if (auto added = sql::add_project_filters(where, scope, q, kTextMatch); !added) return added.error();
    return where;
}

std::string order_by(ProjectSortKey key, bool descending) {
    return sql::project_order_by(key, descending, " COLLATE \"C\"");
}

}  // namespace

Result<Page<domain::ProjectView>> PgTx::list_projects(const Scope& scope, const ProjectQuery& q) {
    return guarded([&]() -> Result<Page<domain::ProjectView>> {
        auto where = list_conditions(scope, q);
        if (!where) return where.error();
        Page<domain::ProjectView> page;
        page.total = conn_.query("SELECT COUNT(*)" + std::string(kProjectViewFrom) + where->where(), where->params())
                         .int64(0, 0);
        const auto limit = where->append(std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize));
        const auto offset = where->append(std::max<std::int64_t>(q.offset, 0));
        const auto rows =
            conn_.query("SELECT " + std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                            std::string(kProjectViewFrom) + where->where() + order_by(q.sort, q.descending) +
                            " LIMIT " + limit + " OFFSET " + offset,
                        where->params());
        for (int i = 0; i < rows.rows(); ++i) page.items.push_back(read_project_view(rows, i));
        load_page_investors(page.items);
        return page;
    });
}

void PgTx::load_page_investors(std::vector<domain::ProjectView>& views) {
    if (views.empty()) return;
    std::unordered_map<std::int64_t, domain::ProjectView*> by_id;
    std::vector<std::int64_t> ids;
    for (auto& v : views) {
        by_id.emplace(v.project.id, &v);
        ids.push_back(v.project.id);
    }
    const auto r = conn_.query(kPageInvestors, Params::of(ids));
    for (int i = 0; i < r.rows(); ++i) {
        auto* view = by_id.at(r.int64(i, 0));
        view->project.investor_ids.push_back(r.int64(i, 1));
        view->investor_names.push_back(r.text(i, 2));
    }
}

}  // namespace sanpi::store::postgres
