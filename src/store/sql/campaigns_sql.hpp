#pragma once
// The SQL of campaigns, their venues and entries, for every backend (summaries: figures_sql.hpp).
#include <string_view>

namespace sanpi::store::sql::campaigns {

inline constexpr std::string_view kInsertCampaign =
    "INSERT INTO campaigns (name, event_date, year, sequence, status, held_on, version) VALUES (?, ?, ?, ?, ?, ?, 1) "
    "{{RETURNING_ID}}";
inline constexpr std::string_view kUpdateCampaign =
    "UPDATE campaigns SET name = ?, event_date = ?, year = ?, sequence = ?, status = ?, held_on = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kCampaignSelect =
    "SELECT id, name, event_date, year, sequence, status, held_on, version FROM campaigns";
inline constexpr std::string_view kCampaignByName = " WHERE name = ?";
inline constexpr std::string_view kCampaignById = " WHERE id = ?";
// Entry writes read the campaign's status under a shared lock: a campaign being held (its row
// updated) makes them wait, then see it held.
inline constexpr std::string_view kCampaignByIdShared = " WHERE id = ?{{FOR_SHARE}}";
inline constexpr std::string_view kCampaignOrder = " ORDER BY event_date{{BYTEWISE}}, id";
inline constexpr std::string_view kCampaignExists = "SELECT 1 FROM campaigns WHERE id = ?";
inline constexpr std::string_view kLastSequence = "SELECT COALESCE(MAX(sequence), 0) FROM campaigns WHERE year = ?";

inline constexpr std::string_view kInsertVenue =
    "INSERT INTO campaign_venues (campaign_id, position, name, region_code, zone_id, main) VALUES (?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kDeleteVenues = "DELETE FROM campaign_venues WHERE campaign_id = ?";
inline constexpr std::string_view kSelectVenues =
    "SELECT name, region_code, zone_id, main FROM campaign_venues WHERE campaign_id = ? ORDER BY position";
inline constexpr std::string_view kSelectAllVenues =
    "SELECT campaign_id, name, region_code, zone_id, main FROM campaign_venues ORDER BY campaign_id, position";

// An entry's counted columns come from its project's row, read in the same statement.
inline constexpr std::string_view kInsertEntry =
    "INSERT INTO campaign_entries (campaign_id, project_id, batch, status, zone_id, industry_code, investment_fen) "
    "SELECT ?, p.id, ?, ?, p.zone_id, p.industry_code, p.total_investment_fen FROM projects p WHERE p.id = ?";
inline constexpr std::string_view kEntryColumns =
    "SELECT campaign_id, project_id, batch, status, zone_id, industry_code, investment_fen, reason "
    "FROM campaign_entries";
// The entry of a project and batch kind that counts (not withdrawn): at most one.
inline constexpr std::string_view kLiveEntry = " WHERE project_id = ? AND batch = ? AND status <> 'withdrawn'";
inline constexpr std::string_view kOneEntry = " WHERE campaign_id = ? AND project_id = ? AND batch = ?";
inline constexpr std::string_view kLiveEntriesOfProject =
    " WHERE project_id = ? AND status <> 'withdrawn' ORDER BY campaign_id, batch{{BYTEWISE}}";
inline constexpr std::string_view kEntriesWithStatus =
    " WHERE campaign_id = ? AND status = ? ORDER BY project_id, batch{{BYTEWISE}}";
inline constexpr std::string_view kCountWithStatus =
    "SELECT COUNT(*) FROM campaign_entries WHERE campaign_id = ? AND status = ?";
inline constexpr std::string_view kSetEntryStatus =
    "UPDATE campaign_entries SET status = ?, reason = ? WHERE campaign_id = ? AND project_id = ? AND batch = ?";
inline constexpr std::string_view kDeleteEntry =
    "DELETE FROM campaign_entries WHERE campaign_id = ? AND project_id = ? AND batch = ?";

// A campaign's entry list: the entry, then kProjectColumns and kProjectViewColumns (project_rows.hpp),
// from the entries joined to their projects and zones, followed by the conditions and the order.
inline constexpr std::string_view kEntryListSelect =
    "SELECT ce.campaign_id, ce.project_id, ce.batch, ce.status, ce.zone_id, ce.industry_code, ce.investment_fen, "
    "ce.reason, ";
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
// The proposed and withdrawn entries among the listed, by status (few: the kept figures count the
// others), followed by the conditions and kUncountedGroup.
inline constexpr std::string_view kUncountedEntries =
    "SELECT ce.status, COUNT(*) FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id "
    "JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kUncountedGroup = " GROUP BY ce.status";
// Counted entries with their projects today, followed by the conditions and kEntryListOrder.
inline constexpr std::string_view kCountedNow =
    "SELECT ce.campaign_id, ce.project_id, ce.batch, ce.status, ce.zone_id, ce.industry_code, ce.investment_fen, "
    "ce.reason, p.name, p.zone_id, p.industry_code, p.total_investment_fen, p.stage, p.status "
    "FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id JOIN zones z ON z.id = p.zone_id";
// A batch's largest counted entries: followed by the conditions, kTopOrder and a LIMIT. The
// scope is the entry's own (counted) zone's, so the walk down the investment index reads no
// project until a row qualifies.
inline constexpr std::string_view kTopEntries =
    "SELECT ce.project_id, p.name, COALESCE(p.code_name, ''), p.stage, ce.zone_id, z.name, z.region_code, "
    "ce.industry_code, ce.investment_fen FROM campaign_entries ce JOIN zones z ON z.id = ce.zone_id "
    "JOIN projects p ON p.id = ce.project_id";
inline constexpr std::string_view kTopOrder = " ORDER BY ce.investment_fen DESC, ce.project_id";
// Projects counted in earlier sign and start batches, and how many of them have the next stage
// today: followed by the conditions and kConversionGroup.
inline constexpr std::string_view kConversion =
    "SELECT ce.batch, COUNT(*), SUM(CASE WHEN (ce.batch = 'sign' AND p.stage IN ('started', 'producing', "
    "'at_capacity')) OR (ce.batch = 'start' AND p.stage IN ('producing', 'at_capacity')) THEN 1 ELSE 0 END) "
    "FROM campaign_entries ce JOIN campaigns c ON c.id = ce.campaign_id JOIN projects p ON p.id = ce.project_id "
    "JOIN zones z ON z.id = p.zone_id";
inline constexpr std::string_view kConversionGroup = " GROUP BY ce.batch";
// The same entries counted from the kept figures (m0008), followed by the conditions.
inline constexpr std::string_view kEntryListCount =
    "SELECT COALESCE(SUM(f.projects), 0) FROM figures_campaign_batch f JOIN zones z ON z.id = f.zone_id";

}  // namespace sanpi::store::sql::campaigns
