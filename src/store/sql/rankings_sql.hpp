#pragma once
// The SQL of rankings (m0019): the weights by version, and the facts of a scope's projects.
#include <string_view>

namespace sanpi::store::sql::rankings {

inline constexpr std::string_view kWeightsColumns =
    "SELECT w.version, w.signed_investment, w.start_rate, w.production_rate, w.capacity_rate, "
    "w.investment_completion, w.coordination_on_time, w.output_per_mu, w.tax_per_mu, w.created_by, u.name, "
    "w.created_at FROM ranking_weights w LEFT JOIN users u ON u.id = w.created_by";
inline constexpr std::string_view kWeightsAt = " WHERE w.created_at <= ? ORDER BY w.version DESC LIMIT 1";
inline constexpr std::string_view kWeightsNow = " ORDER BY w.version DESC LIMIT 1";
inline constexpr std::string_view kInsertWeights =
    "INSERT INTO ranking_weights (version, signed_investment, start_rate, production_rate, capacity_rate, "
    "investment_completion, coordination_on_time, output_per_mu, tax_per_mu, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Each followed by the scope's WHERE (projects p joined to zones z).
inline constexpr std::string_view kProjects =
    "SELECT p.id, p.zone_id, p.industry_code, p.stage, p.status, p.total_investment_fen, "
    "p.annual_planned_investment_fen, p.land_area_centimu, p.actual_sign, p.actual_start, p.actual_production, "
    "p.actual_capacity, p.planned_start, p.planned_production, p.planned_capacity "
    "FROM projects p JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kRealised =
    "SELECT pr.project_id, pr.year, pr.output_value_fen, pr.tax_fen "
    "FROM project_realised pr JOIN projects p ON p.id = pr.project_id JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kReports =
    "SELECT r.id, r.project_id, r.month, r.investment_completed_fen, r.status "
    "FROM progress_reports r JOIN projects p ON p.id = r.project_id JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kItems =
    "SELECT c.id, c.project_id, c.deadline, c.status, c.updated_at "
    "FROM coordination_items c JOIN projects p ON p.id = c.project_id JOIN zones z ON z.id = p.zone_id";

}  // namespace sanpi::store::sql::rankings
