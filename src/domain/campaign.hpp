#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/project.hpp"
#include "domain/stage.hpp"

namespace sanpi::domain {

enum class BatchKind { kSign, kStart, kProduce };  // 签约一批 / 开工一批 / 投产一批

std::string_view to_string(BatchKind b);  // "sign", "start", "produce"
std::optional<BatchKind> batch_kind_from_string(std::string_view s);
std::string_view label_zh(BatchKind b);

// The stage a batch moves its projects to, and the stage they must have reached by the event
// date to be entered (a start-batch project must be signed by then; a sign batch needs nothing).
Stage stage_of(BatchKind b);
std::optional<Stage> prerequisite_of(BatchKind b);

struct Venue {
    std::string name;
    std::string region_code;  // city of a branch venue; province for the main venue
    bool main = false;
    std::optional<std::int64_t> zone_id{};  // a branch venue held by one zone
};

// planning: entries are proposed and confirmed; held: the event took place, entries are locked
// and the figures frozen; closed: archived.
enum class CampaignStatus { kPlanning, kHeld, kClosed };

std::string_view to_string(CampaignStatus s);  // "planning", "held", "closed"
std::optional<CampaignStatus> campaign_status_from_string(std::string_view s);

struct Campaign {
    std::int64_t id = 0;
    std::string name;
    Date date = Date::from_days(0);
    int year = 0;      // the event's year
    int sequence = 0;  // the how-manieth campaign of its year (the second of 2022)
    CampaignStatus status = CampaignStatus::kPlanning;
    std::optional<Date> held_on;  // the day it was held (its figures are as of then)
    std::vector<Venue> venues;
    std::int64_t version = 0;
};

// Where an entry stands: a zone proposes, its city (or the province) confirms; an entry of a held
// campaign is withdrawn with a reason, never deleted, so the published figures keep it.
enum class EntryStatus { kProposed, kConfirmed, kWithdrawn };

std::string_view to_string(EntryStatus s);  // "proposed", "confirmed", "withdrawn"
std::optional<EntryStatus> entry_status_from_string(std::string_view s);
std::string_view label_zh(EntryStatus s);  // 待确认 / 已确认 / 已撤回

// A project entered into a batch of a campaign. A project counts at most once per batch kind
// across all campaigns (withdrawn entries aside). The zone, industry and investment are the
// project's as counted: kept equal to the project's while the campaign is planned, frozen when
// it is held.
struct CampaignEntry {
    std::int64_t campaign_id = 0;
    std::int64_t project_id = 0;
    BatchKind batch = BatchKind::kSign;
    EntryStatus status = EntryStatus::kConfirmed;
    std::int64_t zone_id = 0;
    std::string industry_code{};
    Money investment{};
    std::string reason{};  // why it was withdrawn
};

// A batch's projects and their investment in one city, zone or industry of the scope.
struct BatchCityLine {
    std::string city_code;  // six digits, e.g. "140100"
    std::string name;       // empty when the region dictionary lacks it
    std::string name_en;
    std::int64_t projects = 0;
    Money investment;
};
struct BatchZoneLine {
    std::int64_t zone_id = 0;
    std::string name;
    std::string city_code;
    std::int64_t projects = 0;
    Money investment;
};
struct BatchIndustryLine {
    std::string industry_code;
    std::string name;  // empty for a code the dictionary lacks
    std::string name_en;
    std::int64_t projects = 0;
    Money investment;
};

// Projects of a batch whose total investment is at least `threshold_yi` 亿元 (1, 10, 50, 100).
struct SizeBand {
    std::int64_t threshold_yi = 0;
    std::int64_t projects = 0;
    Money investment;
};
struct TopProject {
    std::int64_t project_id = 0;
    std::string name;  // as the caller may see it (code names already applied)
    std::int64_t zone_id = 0;
    std::string zone_name;
    std::string city_code;  // six digits
    std::string city_name;  // may be empty
    std::string city_name_en;
    std::string industry_code;
    std::string industry_name;  // may be empty
    std::string industry_name_en;
    Money investment;
};
// The conversion leaders ask about: of the projects counted in the sign batch of earlier
// campaigns, how many have started since; of those counted in earlier start batches, how many
// produce now.
struct Conversion {
    std::int64_t signed_earlier = 0, started_since = 0;
    std::int64_t started_earlier = 0, producing_since = 0;
};

struct BatchSummary {
    BatchKind batch = BatchKind::kSign;
    std::int64_t projects = 0;
    Money total_investment;
    // A campaign's own summary breaks each batch down (campaign_summary.hpp); the dashboard's
    // campaign carries the totals only and leaves these empty.
    std::vector<BatchCityLine> by_city;
    std::vector<BatchZoneLine> by_zone;
    std::vector<BatchIndustryLine> by_industry;
    std::vector<SizeBand> size_bands;      // when filled: always the four thresholds in order
    std::vector<TopProject> top_projects;  // at most 10, by investment descending
};

// A counted entry of a held campaign whose project differs today from what the campaign counted:
// another zone, industry or investment, a stage behind the batch's, cancelled, or the entry
// withdrawn since.
struct EntryDrift {
    CampaignEntry entry;  // as counted (frozen at the hold)
    std::string project_name;
    std::int64_t zone_id_now = 0;
    std::string industry_now;
    Money investment_now;
    Stage stage_now = Stage::kReserve;
    ProjectStatus status_now = ProjectStatus::kActive;
};

// A batch as counted at the hold and as it would count today: entries not withdrawn whose project
// is not cancelled and has the batch's stage, at today's investment.
struct BatchDrift {
    BatchKind batch = BatchKind::kSign;
    std::int64_t projects_counted = 0;
    Money investment_counted;
    std::int64_t projects_now = 0;
    Money investment_now;
};

struct CampaignChanges {
    Campaign campaign;
    std::vector<BatchDrift> batches;  // sign, start, produce
    std::int64_t changed = 0;         // entries that differ
    std::vector<EntryDrift> entries;  // the first of them, by project then batch
};

struct CampaignSummary {
    Campaign campaign;
    std::vector<BatchSummary> batches;           // always sign, start, produce in that order
    std::optional<Campaign> previous;            // the campaign before this one, if any
    std::vector<BatchSummary> previous_batches;  // its totals only (sign, start, produce); empty without one
    Conversion conversion;
    Date figures_as_of = Date::from_days(0);  // the hold date for a held campaign, today otherwise
};

}  // namespace sanpi::domain
