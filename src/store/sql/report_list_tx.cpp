// Progress report lists: the scoped, filtered and paged list (a project's reports and the
// reviewer's queue), every report of some projects (for derived figures), and the projects that
// may owe a report for a month.
#include <algorithm>

#include "store/sql/conditions.hpp"
#include "store/sql/page_limit.hpp"
#include "store/sql/progress_reports_sql.hpp"
#include "store/sql/project_list_query.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/report_rows.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace reports;

namespace {

// Ids per IN list: well inside both backends' parameter limits.
constexpr std::size_t kIdsPerQuery = 500;

Result<void> add_place_filters(Conditions& where, const Scope& scope, const std::optional<std::int64_t>& zone_id,
                               const std::optional<std::string>& city_code) {
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (city_code) {
        if (!is_digits(*city_code, 6) || city_code->size() != 6) {
            return Error::invalid_field("city", "城市代码应为6位数字", "city must be six digits");
        }
        add_region_range(where, "z.region_code", city_code->substr(0, 4));
    }
    if (zone_id) where.add("p.zone_id = ?", *zone_id);
    return {};
}

Result<void> add_report_filters(Conditions& where, const Scope& scope, const ReportQuery& q) {
    if (auto placed = add_place_filters(where, scope, q.zone_id, q.city_code); !placed) return placed;
    if (q.project_id) where.add("r.project_id = ?", *q.project_id);
    if (q.month) where.add("r.month = ?", q.month->to_string());
    if (q.status) where.add("r.status = ?", std::string(domain::to_string(*q.status)));
    return {};
}

std::string in_list(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
    return out;
}

}  // namespace

Result<Page<ReportView>> SqlTx::list_progress_reports(const Scope& scope, const ReportQuery& q) {
    return guarded([&]() -> Result<Page<ReportView>> {
        Conditions where;
        if (auto added = add_report_filters(where, scope, q); !added) return added.error();
        auto found = counted_page(conn_, where, kReportScopedFrom,
                                  "SELECT " + std::string(kReportColumns) + std::string(kReportViewColumns) +
                                      std::string(kReportScopedFrom) + std::string(kReportPeople),
                                  kReportOrder, q.limit, q.offset);
        Page<ReportView> page;
        page.total = found.total;
        while (static_cast<std::int64_t>(page.items.size()) < found.limit && found.rows->step()) {
            Row row(*found.rows);
            page.items.push_back(read_report_view(row));
        }
        return page;
    });
}

Result<std::vector<domain::ProgressReport>> SqlTx::list_reports_of_projects(const std::vector<std::int64_t>& ids) {
    return guarded([&]() -> Result<std::vector<domain::ProgressReport>> {
        std::vector<std::int64_t> sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        std::vector<domain::ProgressReport> out;
        for (std::size_t at = 0; at < sorted.size(); at += kIdsPerQuery) {
            const std::size_t n = std::min(kIdsPerQuery, sorted.size() - at);
            // The IN list's length varies with the caller, so this statement is not worth keeping.
            auto q = conn_.prepare_once("SELECT " + std::string(kReportColumns) + std::string(kOfProjects) +
                                        in_list(n) + std::string(kOfProjectsOrder));
            for (std::size_t i = 0; i < n; ++i) bind_one(*q, static_cast<int>(i) + 1, sorted[at + i]);
            while (q->step()) {
                Row row(*q);
                out.push_back(read_progress_report(row));
            }
        }
        return out;
    });
}

Result<std::vector<ReportCandidate>> SqlTx::list_report_candidates(const Scope& scope, const CandidateQuery& q) {
    return guarded([&]() -> Result<std::vector<ReportCandidate>> {
        Conditions where;
        if (auto placed = add_place_filters(where, scope, q.zone_id, q.city_code); !placed) return placed.error();
        where.add(kCandidateWindow, q.month.last_day().iso(), q.month.first_day().iso());
        where.add(kCandidateUnreported);
        auto rows =
            conn_.prepare("SELECT " + std::string(kProjectColumns) + ", " + std::string(kProjectViewColumns) +
                          ", d.id" + std::string(kCandidateFrom) + where.where() + std::string(kCandidateOrder));
        bind_one(*rows, 1, q.month.to_string());
        where.bind(*rows, 2);
        std::vector<ReportCandidate> out;
        while (rows->step()) {
            Row row(*rows);
            ReportCandidate c;
            c.project = read_project_view(row);
            c.draft_id = row.optional_int64();
            out.push_back(std::move(c));
        }
        return out;
    });
}

}  // namespace sanpi::store::sql
