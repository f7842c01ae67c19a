// The project list: filters, text search, sorting and paging in one scoped query, plus one query
// for the investors of the whole page.
#include <algorithm>
#include <unordered_map>

#include "store/postgres/pg_conditions.hpp"
#include "store/postgres/pg_project_rows.hpp"
#include "store/postgres/pg_tx.hpp"

namespace sanpi::store::postgres {
namespace {

constexpr std::int64_t kMaxPageSize = 500;

// lower() under COLLATE "C" folds ASCII only, exactly like SQLite's lower() and LIKE, so a search
// matches the same rows on both backends (ILIKE would also fold non-ASCII letters).
constexpr std::string_view kTextMatch =
    "(lower(p.name COLLATE \"C\") LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id WHERE pi.project_id = p.id "
    "AND lower(e.name COLLATE \"C\") LIKE ? ESCAPE '!'))";
constexpr std::string_view kStageRank =
    "CASE p.stage WHEN 'reserve' THEN 0 WHEN 'signed' THEN 1 WHEN 'started' THEN 2 WHEN 'producing' THEN 3 "
    "ELSE 4 END";
constexpr std::string_view kPageInvestors =
    "SELECT pi.project_id, pi.enterprise_id, e.name FROM project_investors pi "
    "JOIN enterprises e ON e.id = pi.enterprise_id "
    "WHERE pi.project_id = ANY($1::bigint[]) ORDER BY pi.project_id, pi.position";

Result<Conditions> list_conditions(const Scope& scope, const ProjectQuery& q) {
    Conditions where;
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.city_code) {
        if (q.city_code->size() != 6 || !is_digits(*q.city_code, 6)) {
            return Error::invalid_field("city_code", "城市代码应为6位数字", "city_code must be six digits");
        }
        where.add("z.region_code LIKE ?", q.city_code->substr(0, 4) + "%");
    }
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    if (q.industry_code) where.add("p.industry_code = ?", *q.industry_code);
    if (q.stage) where.add("p.stage = ?", domain::to_string(*q.stage));
    if (q.status) where.add("p.status = ?", domain::to_string(*q.status));
    if (q.text && !q.text->empty()) {
        const auto pattern = like_contains_pattern(*q.text);
        where.add(kTextMatch, pattern, pattern);
    }
    return where;
}

// Nulls sort last in both directions, as on SQLite; text in byte order (COLLATE "C", SQLite's
// BINARY); id breaks ties so pages are stable.
std::string order_by(ProjectSortKey key, bool descending) {
    const std::string dir = descending ? " DESC" : " ASC";
    switch (key) {
        case ProjectSortKey::kId:
            return " ORDER BY p.id" + dir;
        case ProjectSortKey::kCode:
            return " ORDER BY p.code COLLATE \"C\"" + dir + ", p.id" + dir;
        case ProjectSortKey::kName:
            return " ORDER BY p.name COLLATE \"C\"" + dir + ", p.id" + dir;
        case ProjectSortKey::kTotalInvestment:
            return " ORDER BY p.total_investment_fen" + dir + ", p.id" + dir;
        case ProjectSortKey::kPlannedStart:
            return " ORDER BY (p.planned_start IS NULL), p.planned_start COLLATE \"C\"" + dir + ", p.id" + dir;
        case ProjectSortKey::kStage:
            return " ORDER BY " + std::string(kStageRank) + dir + ", p.id" + dir;
    }
    return " ORDER BY p.id" + dir;
}

}  // namespace

Result<Page<domain::ProjectView>> PgTx::list_projects(const Scope& scope, const ProjectQuery& q) {
    return guarded([&]() -> Result<Page<domain::ProjectView>> {
        auto where = list_conditions(scope, q);
        if (!where) return where.error();
        Page<domain::ProjectView> page;
        page.total = conn_.query("SELECT COUNT(*)" + std::string(kProjectViewFrom) + where->where(), where->params())
                         .int64(0, 0);
        const auto limit = where->next_placeholder();
        where->params().add(std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize));
        const auto offset = where->next_placeholder();
        where->params().add(std::max<std::int64_t>(q.offset, 0));
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
