// The project list: filters, text search, sorting and paging in one scoped query, plus one query
// for the investors of the whole page.
#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "store/sql/conditions.hpp"
#include "store/sql/page_limit.hpp"
#include "store/sql/pair_shares.hpp"
#include "store/sql/project_list_query.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace projects;

Result<Page<domain::ProjectView>> SqlTx::list_projects(const Scope& scope, const ProjectQuery& q) {
    return guarded([&]() -> Result<Page<domain::ProjectView>> {
        Conditions where;
        const auto cap = std::max<std::int64_t>(q.text_count_limit, 1);
        const auto plan = text_plan(q, cap);
        if (auto added = add_project_filters(where, scope, q, conn_.dialect(), plan); !added) return added.error();
        Page<domain::ProjectView> page;
        std::unique_ptr<Statement> count;
        if (q.count_total && !q.after && q.text) {
            // One row past the limit tells that there are more.
            count = conn_.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM projects p" + where.where() + " LIMIT " +
                                  std::to_string(cap + 1) + ") AS matches");
            where.bind(*count);
        } else if (q.count_total && !q.after) {
            count = conn_.prepare("SELECT COUNT(*) FROM projects p" + where.where());
            where.bind(*count);
        }
        if (q.after) {
            auto placed = add_project_after(where, q.sort, q.descending, q.mask_code_names, *q.after);
            if (!placed) return placed.error();
        }
        // One row more than the page tells whether another page follows.
        const auto limit = std::clamp<std::int64_t>(q.limit, 1, kMaxPageSize);
        const auto page_rows = page_limit(limit + 1, q.after ? 0 : q.offset);
        // The page's ids first, from projects alone (no filter term names the zones), so the
        // filter's and the order's indexes can serve them without reading a row; then only those
        // rows in full. Sorting whole rows cost a province list (thousands of projects over a range
        // of city codes, which no index keeps in id order) about 5 ms a page at 100,000 projects.
        const std::string order = project_order_by(q.sort, q.descending, q.mask_code_names);
        auto rows = conn_.prepare("SELECT " + project_sort_value(q.sort, q.mask_code_names) + ", " +
                                  std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                                  std::string(kProjectViewFrom) + " WHERE p.id IN (SELECT p.id FROM projects p" +
                                  where.where() + order + page_rows.sql + ")" + order);
        const int next = where.bind(*rows);
        if (page_rows.binds_offset) bind_from(*rows, next, page_rows.offset);
        if (count) {
            Statement* const together[] = {count.get(), rows.get()};
            conn_.run_together(together);
            count->step();
            const auto counted = count->int64_at(0);
            page.total = q.text ? std::min(counted, cap) : counted;
            page.total_exact = !q.text || counted <= cap;
        }
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

TextPlan SqlTx::text_plan(const ProjectQuery& q, std::int64_t count_limit) {
    auto* shares = conn_.pair_shares();
    const auto pair = indexed_pair(q, conn_.dialect());
    if (!shares || pair.empty()) return TextPlan::kIndex;
    const auto now = std::chrono::steady_clock::now();
    auto statistics = shares->fresh(now);
    if (!statistics) {
        shares->replace(read_pair_statistics(), now);
        statistics = shares->fresh(now);
    }
    const auto listed = statistics->shares.find(pair);
    // A pair ANALYZE did not list is rarer than the rarest it did: the index serves it.
    if (listed == statistics->shares.end()) return TextPlan::kIndex;
    return scan_beats_index(listed->second, statistics->projects, count_limit) ? TextPlan::kScan : TextPlan::kIndex;
}

PairStatistics SqlTx::read_pair_statistics() {
    PairStatistics out;
    auto read = conn_.prepare(kPairStatisticsPostgres);
    while (read->step()) {
        out.projects = static_cast<double>(read->int64_at(0));
        if (read->null_at(1)) continue;
        out.shares.emplace(read->text_at(1), std::stod(read->text_at(2)));
    }
    return out;
}

void SqlTx::load_page_investors(std::vector<domain::ProjectView>& views) {
    if (views.empty()) return;
    // The IN list is padded with NULLs (which match nothing) to a few lengths, so the statement
    // is prepared once per length instead of parsed and planned for every page.
    std::size_t slots = 20;
    while (slots < views.size()) slots *= 5;
    std::string text(kPageInvestors);
    for (std::size_t i = 0; i < slots; ++i) text += i == 0 ? "?" : ", ?";
    text += kPageInvestorsOrder;
    auto q = conn_.prepare(text);
    std::unordered_map<std::int64_t, domain::ProjectView*> by_id;
    int index = 0;
    for (auto& v : views) {
        by_id.emplace(v.project.id, &v);
        bind_one(*q, ++index, v.project.id);
    }
    while (index < static_cast<int>(slots)) q->bind_null(++index);
    while (q->step()) {
        auto* view = by_id.at(q->int64_at(0));
        view->project.investor_ids.push_back(q->int64_at(1));
        view->investor_names.push_back(q->text_at(2));
        view->investor_credit_codes.push_back(q->text_at(3));
    }
}

}  // namespace sanpi::store::sql
