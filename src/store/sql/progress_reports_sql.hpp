#pragma once
// The SQL of monthly progress reports, for every backend. Reads share one column list (read by
// report_rows.hpp); the project and zone come along so lists can be scoped and named.
#include <string_view>

namespace sanpi::store::sql::reports {

// The 18 columns an insert writes, bound in this order by bind_report_insert.
inline constexpr std::string_view kInsertColumns =
    "INSERT INTO progress_reports (project_id, month, investment_completed_fen, capital_arrived_fen, "
    "progress_text, percent_complete, jobs, status, confirmation_note, return_reason, created_by, created_at, "
    "submitted_by, submitted_at, approved_by, approved_at, returned_by, returned_at, version) VALUES ";
inline constexpr std::string_view kInsertRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
inline constexpr std::string_view kReturningId = "{{RETURNING_ID}}";
inline constexpr int kInsertParameters = 18;

// As for projects: the `version = ?` re-check makes exactly one of two concurrent writers win.
inline constexpr std::string_view kUpdateReport =
    "UPDATE progress_reports SET month = ?, investment_completed_fen = ?, capital_arrived_fen = ?, "
    "progress_text = ?, percent_complete = ?, jobs = ?, status = ?, confirmation_note = ?, return_reason = ?, "
    "submitted_by = ?, submitted_at = ?, approved_by = ?, approved_at = ?, returned_by = ?, returned_at = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kReportExists = "SELECT 1 FROM progress_reports WHERE id = ?";
inline constexpr std::string_view kFindByMonth = "SELECT id FROM progress_reports WHERE project_id = ? AND month = ?";

// The record's columns (report_rows.hpp reads them in this order).
inline constexpr std::string_view kReportColumns =
    "r.id, r.project_id, r.month, r.investment_completed_fen, r.capital_arrived_fen, r.progress_text, "
    "r.percent_complete, r.jobs, r.status, r.confirmation_note, r.return_reason, r.submitted_by, r.approved_by, "
    "r.version, r.created_by, r.created_at, r.submitted_at, r.approved_at, r.returned_by, r.returned_at";
// After kReportColumns in a view: the project (with what decides the name a viewer is shown), its
// zone and the people of each step.
inline constexpr std::string_view kReportViewColumns =
    ", p.code, p.name, p.code_name, p.stage, p.zone_id, z.name, z.region_code, cu.name, su.name, au.name, ru.name";
// Enough to scope and filter (counts); kReportViewFrom adds the people for the rows themselves.
inline constexpr std::string_view kReportScopedFrom =
    " FROM progress_reports r JOIN projects p ON p.id = r.project_id JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kReportPeople =
    " JOIN users cu ON cu.id = r.created_by LEFT JOIN users su ON su.id = r.submitted_by "
    "LEFT JOIN users au ON au.id = r.approved_by LEFT JOIN users ru ON ru.id = r.returned_by";
inline constexpr std::string_view kReportOrder = " ORDER BY r.month DESC, r.id ASC";

// The reports of several projects: followed by one `?` per project and kOfProjectsOrder.
inline constexpr std::string_view kOfProjects = " FROM progress_reports r WHERE r.project_id IN (";
inline constexpr std::string_view kOfProjectsOrder = ") ORDER BY r.project_id, r.month";

// Projects that may owe a report for a month. Parameters: the month (for the join), then the
// scope and filters, then the month's last day (signed by then) and first day (not at capacity
// before it). Cancellation needs the stage history, so the domain's window check follows.
inline constexpr std::string_view kCandidateFrom =
    " FROM projects p JOIN zones z ON z.id = p.zone_id "
    "LEFT JOIN progress_reports d ON d.project_id = p.id AND d.month = ?";
inline constexpr std::string_view kCandidateWindow =
    "p.stage <> 'reserve' AND p.actual_sign IS NOT NULL AND p.actual_sign <= ? "
    "AND (p.actual_capacity IS NULL OR p.actual_capacity >= ?)";
inline constexpr std::string_view kCandidateUnreported = "(d.id IS NULL OR d.status = 'draft')";
inline constexpr std::string_view kCandidateOrder = " ORDER BY p.id";

}  // namespace sanpi::store::sql::reports
