#pragma once
// The projects table's column list and row reader, shared by the detail and list queries of
// both backends (the column list is plain SQL both dialects accept).
#include <string>
#include <string_view>

#include "domain/project.hpp"
#include "store/sql/row.hpp"

namespace sanpi::store::sql {

inline constexpr std::string_view kProjectColumns =
    "p.id, p.code, p.name, p.zone_id, p.industry_code, p.chain_node_id, p.total_investment_fen, "
    "p.construction_content, p.planned_sign, p.planned_start, p.planned_production, p.planned_capacity, "
    "p.actual_sign, p.actual_start, p.actual_production, p.actual_capacity, p.stage, p.status, "
    "p.annual_planned_investment_fen, p.expected_output_value_fen, p.expected_tax_fen, p.expected_jobs, "
    "p.land_area_centimu, p.responsible_unit, p.responsible_post, p.tags, p.synthetic, p.version, "
    "p.national_code, p.national_code_legacy, p.approval_kind, p.approval_date, p.approval_authority, "
    "p.approval_document_number, p.approval_extension_granted_on, p.approval_extension_start_by, "
    "p.stats_entry_date, p.code_name, p.agreement_output_value_fen, p.agreement_tax_fen, p.agreement_jobs, "
    "p.agreement_land_area_centimu";

// kProjectColumns followed by the zone's name and region code.
inline constexpr std::string_view kProjectViewColumns = "z.name, z.region_code";
inline constexpr std::string_view kProjectViewFrom = " FROM projects p JOIN zones z ON z.id = p.zone_id";

// "SELECT kProjectColumns, kProjectViewColumns" FROM the project and its zone, then `conditions`:
// the text made in one allocation, since the project detail builds it on every read.
std::string project_view_query(std::string_view conditions);

// Reads kProjectColumns; investor ids, the funding breakdown and realised figures are loaded
// separately.
domain::Project read_project(Row& row);
// Reads kProjectColumns then kProjectViewColumns; investors are loaded separately.
domain::ProjectView read_project_view(Row& row);

// The city a region belongs to: its first four digits and "00".
std::string city_of(std::string_view region_code);

}  // namespace sanpi::store::sql
