#pragma once
// The SQL of the dictionaries (regions, industries), zones and enterprises, for every backend.
#include <string_view>

namespace sanpi::store::sql::catalog {

inline constexpr std::string_view kUpsertRegion =
    "INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, slug = excluded.slug";
inline constexpr std::string_view kListRegions =
    "SELECT code, name_zh, name_en, slug FROM regions ORDER BY code{{BYTEWISE}}";
inline constexpr std::string_view kRegionExists = "SELECT 1 FROM regions WHERE code = ?";

inline constexpr std::string_view kUpsertIndustry =
    "INSERT INTO industries (code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "sort_order = excluded.sort_order";
inline constexpr std::string_view kListIndustries =
    "SELECT code, name_zh, name_en, sort_order FROM industries ORDER BY sort_order, code{{BYTEWISE}}";
inline constexpr std::string_view kIndustryExists = "SELECT 1 FROM industries WHERE code = ?";

inline constexpr std::string_view kInsertZone =
    "INSERT INTO zones (code, name, level, region_code, leading_industries, slug) VALUES (?, ?, ?, ?, ?, ?) "
    "{{RETURNING_ID}}";
inline constexpr std::string_view kZoneSelect =
    "SELECT z.id, z.code, z.name, z.level, z.region_code, z.leading_industries, z.slug FROM zones z";
inline constexpr std::string_view kZoneByCode = " WHERE z.code = ?";
inline constexpr std::string_view kZoneOrder = " ORDER BY z.region_code{{BYTEWISE}}, z.code{{BYTEWISE}}, z.id";
inline constexpr std::string_view kZoneExists = "SELECT 1 FROM zones WHERE id = ?";

inline constexpr std::string_view kInsertEnterprise =
    "INSERT INTO enterprises (name, credit_code, ownership, chain_role, synthetic) VALUES (?, ?, ?, ?, ?) "
    "{{RETURNING_ID}}";
inline constexpr std::string_view kEnterpriseSelect =
    "SELECT id, name, credit_code, ownership, chain_role, synthetic FROM enterprises";
inline constexpr std::string_view kEnterpriseByCreditCode = " WHERE credit_code = ?";
inline constexpr std::string_view kEnterpriseById = " WHERE id = ?";
inline constexpr std::string_view kEnterpriseExists = "SELECT 1 FROM enterprises WHERE id = ?";
// Enterprises as a scope sees them (m0023): `e` is the enterprise; the caller appends the visibility
// term of add_enterprise_visibility.
inline constexpr std::string_view kVisibleEnterpriseSelect =
    "SELECT e.id, e.name, e.credit_code, e.ownership, e.chain_role, e.synthetic FROM enterprises e";
inline constexpr std::string_view kVisibleEnterpriseExists = "SELECT 1 FROM enterprises e";
// An enterprise is visible through a project it invests in, or through the zone that registered it.
inline constexpr std::string_view kInvestsInProject =
    "EXISTS (SELECT 1 FROM project_investors vi JOIN projects vp ON vp.id = vi.project_id "
    "JOIN zones vz ON vz.id = vp.zone_id";
inline constexpr std::string_view kRegisteredByZone =
    "EXISTS (SELECT 1 FROM enterprise_zones ez JOIN zones vz ON vz.id = ez.zone_id";
inline constexpr std::string_view kLinkEnterpriseZone =
    "INSERT INTO enterprise_zones (enterprise_id, zone_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

}  // namespace sanpi::store::sql::catalog
