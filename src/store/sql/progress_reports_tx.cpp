// Progress reports: writes with optimistic versions, the scoped detail read, lookup by month.
#include <algorithm>

#include "store/sql/conditions.hpp"
#include "store/sql/progress_reports_sql.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/report_rows.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace reports;

namespace {

// Rows per multi-row insert: 100 x 18 parameters stays far below both backends' limits
// (SQLite 32766, PostgreSQL 65535) while cutting round trips a hundredfold.
constexpr std::size_t kBatchRows = 100;

ForeignKeys report_references(const ReportRecord& rec) {
    ForeignKeys refs{{"project_id", projects::kProjectExists, rec.report.project_id, "项目", "project"},
                     {"created_by", users::kUserExists, rec.created_by, "用户", "user"}};
    const std::pair<const char*, std::optional<std::int64_t>> people[] = {{"submitted_by", rec.report.submitted_by},
                                                                          {"approved_by", rec.report.approved_by},
                                                                          {"returned_by", rec.returned_by}};
    for (const auto& [field, id] : people) {
        if (id) refs.push_back({field, users::kUserExists, *id, "用户", "user"});
    }
    return refs;
}

std::string insert_text(std::size_t rows) {
    std::string text(kInsertColumns);
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0) text += ", ";
        text += kInsertRow;
    }
    return text;
}

}  // namespace

Result<std::int64_t> SqlTx::insert_progress_report(const ReportRecord& r) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(insert_text(1) + std::string(kReturningId));
            bind_report_insert(*q, 1, r);
            return returned_id(*q);
        },
        report_references(r));
}

Result<void> SqlTx::insert_progress_reports(const std::vector<ReportRecord>& records) {
    return atomically([&]() -> Result<void> {
        for (std::size_t at = 0; at < records.size(); at += kBatchRows) {
            const std::size_t rows = std::min(kBatchRows, records.size() - at);
            // A full batch always has the same text, so it is prepared once and reused.
            auto q = rows == kBatchRows ? conn_.prepare(insert_text(rows)) : conn_.prepare_once(insert_text(rows));
            int index = 1;
            for (std::size_t i = 0; i < rows; ++i) index = bind_report_insert(*q, index, records[at + i]);
            run(*q);
        }
        return {};
    });
}

Result<void> SqlTx::update_progress_report(const ReportRecord& r, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kUpdateReport);
            const int next = bind_report_update(*q, r);
            bind_from(*q, next, r.report.id, expected_version);
            run(*q);
            if (q->rows_affected() == 0) return stale_or_missing(kReportExists, r.report.id, "月报", "progress report");
            return {};
        },
        report_references(r));
}

Result<std::optional<ReportView>> SqlTx::get_progress_report(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<ReportView>> {
        Conditions where;
        where.add("r.id = ?", id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare("SELECT " + std::string(kReportColumns) + std::string(kReportViewColumns) +
                               std::string(kReportScopedFrom) + std::string(kReportPeople) + where.where());
        where.bind(*q);
        if (!q->step()) return std::optional<ReportView>();
        Row row(*q);
        return std::optional<ReportView>(read_report_view(row));
    });
}

Result<std::optional<std::int64_t>> SqlTx::find_progress_report(std::int64_t project_id, domain::Month month) {
    return guarded([&]() -> Result<std::optional<std::int64_t>> {
        auto q = conn_.prepare(kFindByMonth);
        bind_all(*q, project_id, month.to_string());
        if (!q->step()) return std::optional<std::int64_t>();
        return std::optional<std::int64_t>(q->int64_at(0));
    });
}

}  // namespace sanpi::store::sql
