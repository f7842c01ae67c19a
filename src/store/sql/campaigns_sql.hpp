#pragma once
// The SQL of campaigns, their venues and entries, for every backend (summaries: figures_sql.hpp).
#include <string_view>

namespace sanpi::store::sql::campaigns {

inline constexpr std::string_view kInsertCampaign =
    "INSERT INTO campaigns (name, event_date, version) VALUES (?, ?, 1) RETURNING id";
inline constexpr std::string_view kCampaignSelect = "SELECT id, name, event_date, version FROM campaigns";
inline constexpr std::string_view kCampaignByName = " WHERE name = ?";
inline constexpr std::string_view kCampaignById = " WHERE id = ?";
inline constexpr std::string_view kCampaignOrder = " ORDER BY event_date{{BYTEWISE}}, id";
inline constexpr std::string_view kCampaignExists = "SELECT 1 FROM campaigns WHERE id = ?";

inline constexpr std::string_view kInsertVenue =
    "INSERT INTO campaign_venues (campaign_id, position, name, region_code, main) VALUES (?, ?, ?, ?, ?)";
inline constexpr std::string_view kSelectVenues =
    "SELECT name, region_code, main FROM campaign_venues WHERE campaign_id = ? ORDER BY position";
inline constexpr std::string_view kSelectAllVenues =
    "SELECT campaign_id, name, region_code, main FROM campaign_venues ORDER BY campaign_id, position";

inline constexpr std::string_view kInsertEntry =
    "INSERT INTO campaign_entries (campaign_id, project_id, batch) VALUES (?, ?, ?)";
inline constexpr std::string_view kSelectEntry =
    "SELECT campaign_id, project_id, batch FROM campaign_entries WHERE project_id = ? AND batch = ?";

// A campaign's entry list: the entry, then kProjectColumns and kProjectViewColumns (project_rows.hpp),
// from the entries joined to their projects and zones, followed by the conditions and the order.
inline constexpr std::string_view kEntryListSelect = "SELECT ce.campaign_id, ce.project_id, ce.batch, ";
inline constexpr std::string_view kEntryListFrom =
    " FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id JOIN zones z ON z.id = p.zone_id";
// Served by the indexes of m0013: (campaign_id, batch, project_id) within a batch, (campaign_id,
// project_id) across batches.
inline constexpr std::string_view kEntryListOrder = " ORDER BY ce.project_id, ce.batch{{BYTEWISE}}";
// Entries of projects in a zone, a city, or a range of cities (a province), through the projects'
// zone and city indexes (m0007): the planner then seeks those projects' entries in project order
// instead of walking every entry of the batch to find the few of one place.
inline constexpr std::string_view kEntryInZone = "ce.project_id IN (SELECT c.id FROM projects c WHERE c.zone_id = ?)";
inline constexpr std::string_view kEntryInCity = "ce.project_id IN (SELECT c.id FROM projects c WHERE c.city_code = ?)";
inline constexpr std::string_view kEntryInCities =
    "ce.project_id IN (SELECT c.id FROM projects c WHERE c.city_code BETWEEN ? AND ?)";
// The same entries counted from the kept figures (m0008), followed by the conditions.
inline constexpr std::string_view kEntryListCount =
    "SELECT COALESCE(SUM(f.projects), 0) FROM figures_campaign_batch f JOIN zones z ON z.id = f.zone_id";

}  // namespace sanpi::store::sql::campaigns
