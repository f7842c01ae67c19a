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

}  // namespace sanpi::store::sql::campaigns
