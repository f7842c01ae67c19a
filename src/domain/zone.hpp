#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/region_code.hpp"

namespace sanpi::domain {

enum class ZoneLevel {
    kNationalEtdz,          // 国家级经济技术开发区
    kNationalHighTech,      // 国家级高新技术产业开发区
    kProvincial,            // 省级开发区
    kReformDemonstration,   // 综合改革示范区
};

std::string_view to_string(ZoneLevel level);               // "national_etdz", ...
std::optional<ZoneLevel> zone_level_from_string(std::string_view s);
std::string_view label_zh(ZoneLevel level);

struct Zone {
    std::int64_t id = 0;
    std::string code;      // stable key, e.g. "SX-TY-ETDZ"
    std::string name;
    ZoneLevel level = ZoneLevel::kProvincial;
    RegionCode region;     // the city (or county) the zone belongs to
    std::vector<std::string> leading_industries;  // industry codes
    std::string slug;      // ASCII account name for the zone's demo user
};

}  // namespace sanpi::domain
