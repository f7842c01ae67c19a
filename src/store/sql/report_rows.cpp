#include "store/sql/report_rows.hpp"

#include "store/sql/bind.hpp"
#include "store/sql/project_rows.hpp"

namespace sanpi::store::sql {
namespace {

domain::Month stored_month(const std::string& text) {
    auto month = domain::Month::parse(text);
    if (!month) throw StoreFault("stored month not YYYY-MM: " + text);
    return *month;
}

// The columns from month to return_reason, in the order both the insert and the update list them.
int bind_content(Statement& st, int first, const domain::ProgressReport& r) {
    return bind_from(st, first, r.month.to_string(), r.investment_completed, r.capital_arrived, r.progress_text,
                     r.percent_complete, r.jobs, domain::to_string(r.status), r.confirmation_note, r.return_reason);
}

// Who submitted, approved and returned it, and when.
int bind_review(Statement& st, int first, const ReportRecord& rec) {
    return bind_from(st, first, rec.report.submitted_by, rec.submitted_at, rec.report.approved_by, rec.approved_at,
                     rec.returned_by, rec.returned_at);
}

}  // namespace

domain::ProgressReport read_progress_report(Row& row) {
    domain::ProgressReport r;
    r.id = row.int64();
    r.project_id = row.int64();
    r.month = stored_month(row.text());
    r.investment_completed = row.money();
    r.capital_arrived = row.money();
    r.progress_text = row.text();
    r.percent_complete = static_cast<std::int32_t>(row.int64());
    r.jobs = static_cast<std::int32_t>(row.int64());
    r.status = row.enumeration(domain::report_status_from_string, "report status");
    r.confirmation_note = row.optional_text();
    r.return_reason = row.optional_text();
    r.submitted_by = row.optional_int64();
    r.approved_by = row.optional_int64();
    r.version = row.int64();
    return r;
}

ReportRecord read_report_record(Row& row) {
    ReportRecord rec;
    rec.report = read_progress_report(row);
    rec.created_by = row.int64();
    rec.created_at = row.int64();
    rec.submitted_at = row.optional_int64();
    rec.approved_at = row.optional_int64();
    rec.returned_by = row.optional_int64();
    rec.returned_at = row.optional_int64();
    return rec;
}

ReportView read_report_view(Row& row) {
    ReportView v;
    v.record = read_report_record(row);
    v.project_code = row.text();
    v.project_name = row.text();
    v.project_code_name = row.optional_text().value_or("");
    v.project_stage = row.enumeration(domain::stage_from_string, "stage");
    v.zone_id = row.int64();
    v.zone_name = row.text();
    v.region_code = row.text();
    v.city_code = city_of(v.region_code);
    v.created_by_name = row.text();
    v.submitted_by_name = row.optional_text().value_or("");
    v.approved_by_name = row.optional_text().value_or("");
    v.returned_by_name = row.optional_text().value_or("");
    return v;
}

int bind_report_insert(Statement& st, int first, const ReportRecord& rec) {
    int next = bind_from(st, first, rec.report.project_id);
    next = bind_content(st, next, rec.report);
    next = bind_from(st, next, rec.created_by, rec.created_at);
    return bind_review(st, next, rec);
}

int bind_report_update(Statement& st, const ReportRecord& rec) {
    return bind_review(st, bind_content(st, 1, rec.report), rec);
}

}  // namespace sanpi::store::sql
