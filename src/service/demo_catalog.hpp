#pragma once
// Facts the demo is built on: Shanxi's cities (GB/T 2260), development zones, and the eight
// industries named in the June 2022 report.
#include <string_view>
#include <vector>

#include "domain/zone.hpp"

namespace sanpi::service::demo {

struct CityFact {
    std::string_view code;
    std::string_view name_zh;
    std::string_view name_en;
    std::string_view slug;
};

struct ZoneFact {
    std::string_view city_code;
    std::string_view slug;   // also the zone code and its demo account name
    std::string_view name;
    domain::ZoneLevel level;
    std::vector<std::string_view> industries;
};

struct IndustryFact {
    std::string_view code;
    std::string_view name_zh;
    std::string_view name_en;
};

inline constexpr std::string_view kProvinceCode = "140000";

const std::vector<CityFact>& shanxi_cities();
const std::vector<ZoneFact>& shanxi_zones();
const std::vector<IndustryFact>& report_industries();

}  // namespace sanpi::service::demo
