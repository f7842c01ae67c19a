#pragma once
// The SQL of the kept figures (m0008, m0013): additions on write, reads by scope, the full recount.
#include <string_view>

namespace sanpi::store::sql::figures {

// A kept sum past 9×10^18 fen becomes NULL, which its NOT NULL column refuses: the write fails
// with a named error (constraint_errors.cpp) instead of overflowing. The guard subtracts, so
// the comparison itself cannot overflow (one addition is at most kMaxAmount).
#define SANPI_GUARDED_ADD(table)                                                                     \
    "CASE WHEN " table ".investment_fen > 9000000000000000000 - excluded.investment_fen THEN NULL " \
    "ELSE " table ".investment_fen + excluded.investment_fen END"

// Adds to a figure row, creating it at zero first. One statement, so concurrent writers on
// PostgreSQL add up instead of overwriting each other's read-modify-write.
inline constexpr std::string_view kAddStage =
    "INSERT INTO figures_zone_stage (zone_id, stage, status, projects, investment_fen, started_on_time, "
    "producing_on_time, capacity_on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (zone_id, stage, status) "
    "DO UPDATE SET projects = figures_zone_stage.projects + excluded.projects, "
    "investment_fen = " SANPI_GUARDED_ADD("figures_zone_stage") ", "
    "started_on_time = figures_zone_stage.started_on_time + excluded.started_on_time, "
    "producing_on_time = figures_zone_stage.producing_on_time + excluded.producing_on_time, "
    "capacity_on_time = figures_zone_stage.capacity_on_time + excluded.capacity_on_time";
inline constexpr std::string_view kAddIndustry =
    "INSERT INTO figures_zone_industry (zone_id, industry_code, status, projects, investment_fen) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (zone_id, industry_code, status) "
    "DO UPDATE SET projects = figures_zone_industry.projects + excluded.projects, "
    "investment_fen = " SANPI_GUARDED_ADD("figures_zone_industry");
inline constexpr std::string_view kAddBatch =
    "INSERT INTO figures_campaign_batch (campaign_id, zone_id, batch, projects, investment_fen) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, zone_id, batch) "
    "DO UPDATE SET projects = figures_campaign_batch.projects + excluded.projects, "
    "investment_fen = " SANPI_GUARDED_ADD("figures_campaign_batch");
inline constexpr std::string_view kAddCampaignIndustry =
    "INSERT INTO figures_campaign_industry (campaign_id, zone_id, batch, industry_code, projects, investment_fen) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, zone_id, batch, industry_code) "
    "DO UPDATE SET projects = figures_campaign_industry.projects + excluded.projects, "
    "investment_fen = " SANPI_GUARDED_ADD("figures_campaign_industry");

inline constexpr std::string_view kAddBand =
    "INSERT INTO figures_campaign_band (campaign_id, zone_id, batch, threshold_yi, projects, investment_fen) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, zone_id, batch, threshold_yi) "
    "DO UPDATE SET projects = figures_campaign_band.projects + excluded.projects, "
    "investment_fen = " SANPI_GUARDED_ADD("figures_campaign_band");

#undef SANPI_GUARDED_ADD

// The generation (m0009): read first in a snapshot, raised last before COMMIT.
inline constexpr std::string_view kReadGeneration = "SELECT generation FROM figures_generation WHERE id = 1";
inline constexpr std::string_view kRaiseGeneration =
    "UPDATE figures_generation SET generation = generation + 1 WHERE id = 1";

// The stored fields a project's figures depend on, its row locked until the write ends, so a
// concurrent write of the same project or of its campaign entries waits and then sees this one.
inline constexpr std::string_view kProjectFigureFields =
    "SELECT zone_id, industry_code, stage, status, total_investment_fen, planned_start, planned_production, "
    "planned_capacity, actual_start, actual_production, actual_capacity FROM projects WHERE id = ?";
inline constexpr std::string_view kAtVersion = " AND version = ?";
inline constexpr std::string_view kLocked = "{{FOR_UPDATE}}";
// A project's entries in planned campaigns, whose counted columns follow the project (m0014);
// a held campaign's are frozen. The campaign rows are read under a shared lock, so holding one
// (which updates its row) waits for this write or this write for it.
inline constexpr std::string_view kPlannedEntriesOfProject =
    "SELECT ce.campaign_id, ce.batch, ce.status FROM campaign_entries ce JOIN campaigns c ON c.id = ce.campaign_id "
    "WHERE ce.project_id = ? AND c.status = 'planning' ORDER BY ce.campaign_id, ce.batch{{BYTEWISE}}{{FOR_SHARE_OF_C}}";
inline constexpr std::string_view kFollowProject =
    "UPDATE campaign_entries SET zone_id = ?, industry_code = ?, investment_fen = ? "
    "WHERE campaign_id = ? AND project_id = ? AND batch = ?";

// Investment summed across kept rows in two parts, whole 亿元 and the fen below, each far from
// 64 bits whatever the number of rows; Row::money_sum joins them in 128 (see domain/money.hpp).
#define SANPI_SPLIT_SUM "COALESCE(SUM(f.investment_fen / 10000000000), 0), COALESCE(SUM(f.investment_fen % 10000000000), 0)"

// Reads, followed by the scope's conditions (zones z) and the order.
inline constexpr std::string_view kKeptStages =
    "SELECT f.zone_id, f.stage, f.status, f.projects, f.investment_fen, f.started_on_time, f.producing_on_time, "
    "f.capacity_on_time FROM figures_zone_stage f JOIN zones z ON z.id = f.zone_id";
inline constexpr std::string_view kStagesNonZero =
    "(f.projects <> 0 OR f.investment_fen <> 0 OR f.started_on_time <> 0 OR f.producing_on_time <> 0 OR "
    "f.capacity_on_time <> 0)";
inline constexpr std::string_view kStagesOrder = " ORDER BY f.zone_id, f.stage{{BYTEWISE}}, f.status{{BYTEWISE}}";
inline constexpr std::string_view kKeptIndustries =
    "SELECT f.zone_id, f.industry_code, f.status, f.projects, f.investment_fen FROM figures_zone_industry f "
    "JOIN zones z ON z.id = f.zone_id";
inline constexpr std::string_view kIndustriesOrder =
    " ORDER BY f.zone_id, f.industry_code{{BYTEWISE}}, f.status{{BYTEWISE}}";
inline constexpr std::string_view kKeptBatches =
    "SELECT f.campaign_id, f.zone_id, f.batch, f.projects, f.investment_fen FROM figures_campaign_batch f "
    "JOIN zones z ON z.id = f.zone_id";
inline constexpr std::string_view kCountsNonZero = "(f.projects <> 0 OR f.investment_fen <> 0)";
inline constexpr std::string_view kBatchesOrder = " ORDER BY f.campaign_id, f.zone_id, f.batch{{BYTEWISE}}";
// One campaign's batches within a scope: followed by the conditions and kBatchGroup.
inline constexpr std::string_view kCampaignBatchTotals =
    "SELECT f.batch, COALESCE(SUM(f.projects), 0), " SANPI_SPLIT_SUM " "
    "FROM figures_campaign_batch f JOIN zones z ON z.id = f.zone_id";
inline constexpr std::string_view kBatchGroup = " GROUP BY f.batch";
// One campaign's rows per zone and batch within a scope: kKeptBatches, the conditions, kBatchesOrder.
// One campaign's industries per batch within a scope (m0013): followed by the conditions and
// kCampaignIndustryGroup.
inline constexpr std::string_view kCampaignIndustryTotals =
    "SELECT f.batch, f.industry_code, COALESCE(SUM(f.projects), 0), " SANPI_SPLIT_SUM " "
    "FROM figures_campaign_industry f JOIN zones z ON z.id = f.zone_id";
inline constexpr std::string_view kCampaignIndustryGroup =
    " GROUP BY f.batch, f.industry_code ORDER BY f.batch{{BYTEWISE}}, f.industry_code{{BYTEWISE}}";
// One campaign's size bands per batch within a scope (m0014): followed by the conditions and
// kCampaignBandGroup.
inline constexpr std::string_view kCampaignBandTotals =
    "SELECT f.batch, f.threshold_yi, COALESCE(SUM(f.projects), 0), " SANPI_SPLIT_SUM " "
    "FROM figures_campaign_band f JOIN zones z ON z.id = f.zone_id";
inline constexpr std::string_view kCampaignBandGroup =
    " GROUP BY f.batch, f.threshold_yi ORDER BY f.batch{{BYTEWISE}}, f.threshold_yi";
#undef SANPI_SPLIT_SUM
inline constexpr std::string_view kKeptBands =
    "SELECT f.campaign_id, f.zone_id, f.batch, f.threshold_yi, f.projects, f.investment_fen "
    "FROM figures_campaign_band f WHERE (f.projects <> 0 OR f.investment_fen <> 0) "
    "ORDER BY f.campaign_id, f.zone_id, f.batch{{BYTEWISE}}, f.threshold_yi";
// Every kept row per campaign, zone, batch and industry (checks), in key order.
inline constexpr std::string_view kKeptCampaignIndustries =
    "SELECT f.campaign_id, f.zone_id, f.batch, f.industry_code, f.projects, f.investment_fen "
    "FROM figures_campaign_industry f WHERE (f.projects <> 0 OR f.investment_fen <> 0) "
    "ORDER BY f.campaign_id, f.zone_id, f.batch{{BYTEWISE}}, f.industry_code{{BYTEWISE}}";

// The full recount, in the columns and order of the reads above (without the scope's zone join).
inline constexpr std::string_view kRecountStages =
    "SELECT zone_id, stage, status, COUNT(*), SUM(total_investment_fen), "
    "SUM(CASE WHEN actual_start <= planned_start THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN actual_production <= planned_production THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN actual_capacity <= planned_capacity THEN 1 ELSE 0 END) "
    "FROM projects GROUP BY zone_id, stage, status";
inline constexpr std::string_view kRecountStagesOrder = " ORDER BY zone_id, stage{{BYTEWISE}}, status{{BYTEWISE}}";
inline constexpr std::string_view kRecountIndustries =
    "SELECT zone_id, industry_code, status, COUNT(*), SUM(total_investment_fen) FROM projects "
    "GROUP BY zone_id, industry_code, status";
inline constexpr std::string_view kRecountIndustriesOrder =
    " ORDER BY zone_id, industry_code{{BYTEWISE}}, status{{BYTEWISE}}";
// Entries count what they froze (m0014): confirmed and withdrawn ones, proposals not.
inline constexpr std::string_view kRecountBatches =
    "SELECT ce.campaign_id, ce.zone_id, ce.batch, COUNT(*), SUM(ce.investment_fen) FROM campaign_entries ce "
    "WHERE ce.status <> 'proposed' GROUP BY ce.campaign_id, ce.zone_id, ce.batch";
inline constexpr std::string_view kRecountBatchesOrder = " ORDER BY ce.campaign_id, ce.zone_id, ce.batch{{BYTEWISE}}";
inline constexpr std::string_view kRecountCampaignIndustries =
    "SELECT ce.campaign_id, ce.zone_id, ce.batch, ce.industry_code, COUNT(*), SUM(ce.investment_fen) "
    "FROM campaign_entries ce WHERE ce.status <> 'proposed' "
    "GROUP BY ce.campaign_id, ce.zone_id, ce.batch, ce.industry_code";
inline constexpr std::string_view kRecountCampaignIndustriesOrder =
    " ORDER BY ce.campaign_id, ce.zone_id, ce.batch{{BYTEWISE}}, ce.industry_code{{BYTEWISE}}";
// Each counted entry in every size band its investment reaches (1亿 = 10,000,000,000 fen).
inline constexpr std::string_view kRecountBands =
    "SELECT ce.campaign_id, ce.zone_id, ce.batch, t.threshold_yi, COUNT(*), SUM(ce.investment_fen) "
    "FROM campaign_entries ce JOIN (SELECT 1 AS threshold_yi UNION ALL SELECT 10 UNION ALL SELECT 50 "
    "UNION ALL SELECT 100) t ON ce.investment_fen >= t.threshold_yi * 10000000000 WHERE ce.status <> 'proposed' "
    "GROUP BY ce.campaign_id, ce.zone_id, ce.batch, t.threshold_yi";
inline constexpr std::string_view kRecountBandsOrder =
    " ORDER BY ce.campaign_id, ce.zone_id, ce.batch{{BYTEWISE}}, t.threshold_yi";
// Entries of planned campaigns whose counted columns differ from their project's: none, unless
// something wrote around the store. A rebuild sets them again (kSyncPlannedEntries).
inline constexpr std::string_view kStalePlannedEntries =
    "SELECT COUNT(*) FROM campaign_entries ce JOIN campaigns c ON c.id = ce.campaign_id "
    "JOIN projects p ON p.id = ce.project_id WHERE c.status = 'planning' AND (ce.zone_id <> p.zone_id OR "
    "ce.industry_code <> p.industry_code OR ce.investment_fen <> p.total_investment_fen)";
inline constexpr std::string_view kSyncPlannedEntries =
    "UPDATE campaign_entries SET zone_id = (SELECT p.zone_id FROM projects p WHERE p.id = campaign_entries.project_id), "
    "industry_code = (SELECT p.industry_code FROM projects p WHERE p.id = campaign_entries.project_id), "
    "investment_fen = (SELECT p.total_investment_fen FROM projects p WHERE p.id = campaign_entries.project_id) "
    "WHERE campaign_id IN (SELECT id FROM campaigns WHERE status = 'planning')";

inline constexpr std::string_view kClearStages = "DELETE FROM figures_zone_stage";
inline constexpr std::string_view kClearIndustries = "DELETE FROM figures_zone_industry";
inline constexpr std::string_view kClearBatches = "DELETE FROM figures_campaign_batch";
inline constexpr std::string_view kClearCampaignIndustries = "DELETE FROM figures_campaign_industry";
inline constexpr std::string_view kClearBands = "DELETE FROM figures_campaign_band";
inline constexpr std::string_view kFillBands =
    "INSERT INTO figures_campaign_band (campaign_id, zone_id, batch, threshold_yi, projects, investment_fen) ";
inline constexpr std::string_view kFillStages =
    "INSERT INTO figures_zone_stage (zone_id, stage, status, projects, investment_fen, started_on_time, "
    "producing_on_time, capacity_on_time) ";
inline constexpr std::string_view kFillIndustries =
    "INSERT INTO figures_zone_industry (zone_id, industry_code, status, projects, investment_fen) ";
inline constexpr std::string_view kFillBatches =
    "INSERT INTO figures_campaign_batch (campaign_id, zone_id, batch, projects, investment_fen) ";
inline constexpr std::string_view kFillCampaignIndustries =
    "INSERT INTO figures_campaign_industry (campaign_id, zone_id, batch, industry_code, projects, investment_fen) ";

}  // namespace sanpi::store::sql::figures
