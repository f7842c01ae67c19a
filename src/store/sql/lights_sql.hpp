#pragma once
// SQL of warning lights (m0017), written once for both backends.
#include <string_view>

namespace sanpi::store::sql::lights {

inline constexpr std::string_view kRulesColumns =
    "SELECT w.version, w.start_overdue_red_days, w.production_overdue_red_days, w.capacity_overdue_red_days, "
    "w.report_missing_yellow_months, w.report_missing_red_months, w.investment_behind_yellow_points, "
    "w.investment_behind_red_points, w.coordination_overdue_red_days, w.stats_entry_yellow_months, "
    "w.stats_entry_red_months, w.approval_lapse_yellow_days, w.commitment_yellow_percent, w.commitment_red_percent, "
    "w.created_by, u.name, w.created_at FROM warning_rules w LEFT JOIN users u ON u.id = w.created_by "
    "ORDER BY w.version DESC LIMIT 1";
inline constexpr std::string_view kInsertRules =
    "INSERT INTO warning_rules (version, start_overdue_red_days, production_overdue_red_days, "
    "capacity_overdue_red_days, report_missing_yellow_months, report_missing_red_months, "
    "investment_behind_yellow_points, investment_behind_red_points, coordination_overdue_red_days, "
    "stats_entry_yellow_months, stats_entry_red_months, approval_lapse_yellow_days, commitment_yellow_percent, "
    "commitment_red_percent, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// A project's facts (domain::LightFacts) and its stored light. Unsettled items are open, in
// progress or reopened; overdue ones have a deadline before today (the first two parameters).
inline constexpr std::string_view kFactsSelect =
    "SELECT p.id, p.stage, p.status, p.planned_start, p.planned_production, p.planned_capacity, p.actual_start, "
    "p.actual_production, p.actual_capacity, p.total_investment_fen, p.stats_entry_date, p.approval_kind, "
    "p.approval_date, p.approval_extension_granted_on, p.approval_extension_start_by, p.agreement_output_value_fen, "
    "p.agreement_tax_fen, p.agreement_jobs, p.agreement_land_area_centimu, pr.year, pr.output_value_fen, pr.tax_fen, "
    "pr.jobs, "
    "CAST((SELECT COALESCE(SUM(r.investment_completed_fen), 0) FROM progress_reports r "
    "WHERE r.project_id = p.id AND r.status = 'approved') AS BIGINT), "
    "(SELECT MAX(r.month) FROM progress_reports r WHERE r.project_id = p.id AND r.status = 'approved'), "
    "(SELECT COUNT(*) FROM coordination_items c WHERE c.project_id = p.id "
    "AND c.status IN ('open', 'in_progress', 'reopened') AND c.deadline < ?), "
    "(SELECT MIN(c.deadline) FROM coordination_items c WHERE c.project_id = p.id "
    "AND c.status IN ('open', 'in_progress', 'reopened') AND c.deadline < ?), "
    "l.light, l.reasons, l.since, l.rule_version "
    "FROM projects p "
    "LEFT JOIN project_realised pr ON pr.project_id = p.id "
    "AND pr.year = (SELECT MAX(x.year) FROM project_realised x WHERE x.project_id = p.id) "
    "LEFT JOIN project_lights l ON l.project_id = p.id ";
inline constexpr std::string_view kFactsOfProject = "WHERE p.id = ?{{FOR_UPDATE_OF_P}}";
inline constexpr std::string_view kFactsAfter = "WHERE p.id > ? ORDER BY p.id LIMIT ?";
// Followed by an IN list of ids and kFactsOfProjectsEnd.
inline constexpr std::string_view kFactsOfProjects = "WHERE p.id IN (";
inline constexpr std::string_view kFactsOfProjectsEnd = ") ORDER BY p.id{{FOR_UPDATE_OF_P}}";

// Many lights at once (value_rows.hpp): the statement's start, then its rows (and end).
inline constexpr std::string_view kUpsertLights =
    "INSERT INTO project_lights (project_id, light, reasons, since, rule_version) VALUES ";
inline constexpr std::string_view kLightRow = "(?, ?, ?, ?, ?)";
inline constexpr std::string_view kUpsertLightsEnd =
    " ON CONFLICT (project_id) DO UPDATE SET light = excluded.light, reasons = excluded.reasons, "
    "since = excluded.since, rule_version = excluded.rule_version";
inline constexpr std::string_view kDeleteLights = "DELETE FROM project_lights WHERE project_id IN (";
inline constexpr std::string_view kDeleteLightRules = "DELETE FROM project_light_rules WHERE project_id IN (";
inline constexpr std::string_view kInsertLightRules =
    "INSERT INTO project_light_rules (project_id, rule, light) VALUES ";
inline constexpr std::string_view kLightRuleRow = "(?, ?, ?)";
inline constexpr std::string_view kInsertHistories =
    "INSERT INTO light_history (project_id, from_light, to_light, changed_on, rule_version) VALUES ";
inline constexpr std::string_view kHistoryRow = "(?, ?, ?, ?, ?)";
inline constexpr std::string_view kStoredLight =
    "SELECT light, reasons, since, rule_version FROM project_lights WHERE project_id = ?";
inline constexpr std::string_view kAllStoredLights =
    "SELECT project_id, light, reasons, since, rule_version FROM project_lights ORDER BY project_id";
inline constexpr std::string_view kHistory =
    "SELECT id, from_light, to_light, changed_on, rule_version FROM light_history WHERE project_id = ? ORDER BY id";

// The warnings list: lights joined to their projects and zones, scope and filters in the WHERE.
inline constexpr std::string_view kWarningFrom =
    " FROM project_lights l JOIN projects p ON p.id = l.project_id JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kWarningRows =
    "SELECT p.id, p.code, p.name, p.code_name, p.stage, p.zone_id, z.name, z.region_code, p.city_code, p.industry_code, l.light, "
    "l.reasons, l.since";
// Red first ('red' sorts before 'yellow'), then by project.
inline constexpr std::string_view kWarningOrder = " ORDER BY l.light, p.id";
inline constexpr std::string_view kRuleFilter =
    "EXISTS (SELECT 1 FROM project_light_rules lr WHERE lr.project_id = l.project_id AND lr.rule = ?)";

inline constexpr std::string_view kClaimSweep =
    "INSERT INTO sweeps (day, started_at) VALUES (?, ?) ON CONFLICT (day) DO NOTHING";
inline constexpr std::string_view kFinishSweep =
    "UPDATE sweeps SET finished_at = ?, projects = ?, changed = ? WHERE day = ?";

}  // namespace sanpi::store::sql::lights
