#pragma once
// Names as people write them, matched to the catalogue: industries (医药大健康 for 现代医药和大健康)
// and zones with or without the province in front (山西晋中经济技术开发区 = 晋中经济技术开发区) or in
// their common short forms (晋中经开区, 大同高新区). Cities by name with or without 市.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/error.hpp"
#include "domain/industry.hpp"
#include "domain/region_code.hpp"

namespace sanpi::service {

struct ImportZone {
    std::int64_t id = 0;
    std::string code;  // "jinzhong-etdz"
    std::string name;  // "晋中经济技术开发区"
    domain::RegionCode city;
};

struct ImportCity {
    domain::RegionCode code;
    std::string name;  // "晋中市"
};

// What an import matches names against: the caller's catalogue.
struct ImportCatalog {
    std::vector<std::string> province_names;  // "山西省": stripped, with its short form, from zone names
    std::vector<ImportCity> cities;
    std::vector<ImportZone> zones;
    std::vector<domain::Industry> industries;
};

// The industry's code. An unknown name fails naming `field`.
Result<std::string> match_industry(std::string_view text, const std::vector<domain::Industry>& industries,
                                           std::string_view field);

// The zone, optionally only among a city's zones. Unknown or ambiguous names fail naming `field`.
Result<const ImportZone*> match_zone(std::string_view text, const ImportCatalog& catalog,
                                             std::optional<domain::RegionCode> city, std::string_view field);

Result<const ImportCity*> match_city(std::string_view text, const ImportCatalog& catalog,
                                             std::string_view field);

// The three matches above for a whole table: a table names a few zones and industries over and
// over, and matching one compares it with every zone's or industry's key, so each distinct text
// (with the city it is looked for in) is matched once and the answer kept.
class CatalogMatches {
public:
    explicit CatalogMatches(const ImportCatalog& catalog) : catalog_(catalog) {}
    Result<std::string> industry(std::string_view text);                                            // field "industry"
    Result<const ImportZone*> zone(std::string_view text, std::optional<domain::RegionCode> city);  // field "zone"
    Result<const ImportCity*> city(std::string_view text);                                          // field "city"

private:
    const ImportCatalog& catalog_;
    std::unordered_map<std::string, Result<std::string>> industries_;
    std::unordered_map<std::string, Result<const ImportZone*>> zones_;  // city code, tab, text
    std::unordered_map<std::string, Result<const ImportCity*>> cities_;
};

// The form two zone names are compared in: no province, long forms shortened.
std::string zone_key(std::string_view name, const std::vector<std::string>& province_names);

}  // namespace sanpi::service
