#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"

namespace sanpi::domain {

enum class BatchKind { kSign, kStart, kProduce };  // 签约一批 / 开工一批 / 投产一批

std::string_view to_string(BatchKind b);  // "sign", "start", "produce"
std::optional<BatchKind> batch_kind_from_string(std::string_view s);
std::string_view label_zh(BatchKind b);

struct Venue {
    std::string name;
    std::string region_code;  // city of a branch venue; province for the main venue
    bool main = false;
};

struct Campaign {
    std::int64_t id = 0;
    std::string name;
    Date date = Date::from_days(0);
    std::vector<Venue> venues;
    std::int64_t version = 0;
};

// Where an entry stands. Every entry so far is made by a province user (or the demo loader), whose
// entering it is the confirmation, so each one is confirmed; the store keeps no column for it yet.
// Proposals by zones awaiting their city (issue 9) will add a status before this one.
enum class EntryStatus { kConfirmed };

std::string_view to_string(EntryStatus s);  // "confirmed"

// A project entered into a batch of a campaign. (project, batch) is unique across all campaigns.
struct CampaignEntry {
    std::int64_t campaign_id = 0;
    std::int64_t project_id = 0;
    BatchKind batch = BatchKind::kSign;
    EntryStatus status = EntryStatus::kConfirmed;
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

struct CampaignSummary {
    Campaign campaign;
    std::vector<BatchSummary> batches;           // always sign, start, produce in that order
    std::optional<Campaign> previous;            // the campaign before this one, if any
    std::vector<BatchSummary> previous_batches;  // its totals only (sign, start, produce); empty without one
    Conversion conversion;
    Date figures_as_of = Date::from_days(0);  // the hold date for a held campaign, today otherwise
};

}  // namespace sanpi::domain
