#pragma once
// What the store keeps about warning lights (m0017): the rules by version, each project's light as
// stored, its history, the warnings list with its counts, and the daily sweeps.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/stage.hpp"
#include "domain/warning_light.hpp"
#include "domain/warning_rules.hpp"

namespace sanpi::store {

struct WarningRulesRecord {
    domain::WarningRules rules;
    std::optional<std::int64_t> created_by;  // none: the migration's defaults
    std::string created_by_name;             // read back; empty for none
    std::int64_t created_at = 0;             // unix seconds; 0 for the defaults
};

// A project's light as stored (green: no row).
struct StoredLight {
    domain::Light light = domain::Light::kGreen;
    std::string reasons;                // encode_reasons form
    std::optional<domain::Date> since;  // the day it turned this colour
    std::int64_t rule_version = 0;
};

struct LightFactsRecord {
    domain::LightFacts facts;
    StoredLight stored;
};

// A light to store: its new state and what it replaces.
struct LightWrite {
    std::int64_t project_id = 0;
    domain::ProjectLight light;
    StoredLight before;
    domain::Date on = domain::Date::from_days(0);  // today: `since` when the colour changes, the history's day
    std::int64_t rule_version = 0;
};

struct LightHistoryEntry {
    std::int64_t id = 0;
    domain::Light from = domain::Light::kGreen;
    domain::Light to = domain::Light::kGreen;
    domain::Date on = domain::Date::from_days(0);
    std::int64_t rule_version = 0;
};

// Filters of the warnings list: yellow and red projects inside the scope, worst first, then by id.
struct WarningQuery {
    std::optional<std::string> city_code;
    std::optional<std::int64_t> zone_id;
    std::optional<std::string> industry_code;
    std::optional<domain::Light> light;        // yellow or red
    std::optional<domain::WarningRule> rule;   // projects this rule fired for
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

struct WarningItem {
    std::int64_t project_id = 0;
    std::string code;
    std::string name;
    std::string code_name;  // empty: none
    domain::Stage stage = domain::Stage::kReserve;
    std::int64_t zone_id = 0;
    std::string zone_name;
    std::string region_code;  // the zone's
    std::string city_code;
    std::string industry_code;
    domain::Light light = domain::Light::kYellow;
    std::vector<domain::LightReason> reasons;
    domain::Date since = domain::Date::from_days(0);
};

// Red and yellow projects per key (a city code, a zone id as text, an industry code, a rule name).
struct WarningCount {
    std::string key;
    std::int64_t red = 0;
    std::int64_t yellow = 0;
    friend bool operator==(const WarningCount&, const WarningCount&) = default;
};

struct WarningCounts {
    std::int64_t red = 0;
    std::int64_t yellow = 0;
    std::vector<WarningCount> by_city, by_zone, by_industry, by_rule;  // by key
    friend bool operator==(const WarningCounts&, const WarningCounts&) = default;
};

}  // namespace sanpi::store
