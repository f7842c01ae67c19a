#include "service/import_lookup.hpp"

#include <array>
#include <utility>

#include "service/import_text.hpp"

namespace sanpi::service {
namespace {



// How industries are written in tables, mapped to the catalogue's codes. An alias only applies
// when the catalogue has that code. Keep docs/import.md in step.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kIndustryAliases{{
    {"医药大健康", "medicine_health"},
    {"大健康", "medicine_health"},
    {"生物医药", "medicine_health"},
    {"医药", "medicine_health"},
    {"现代医药", "medicine_health"},
    {"医药健康", "medicine_health"},
    {"煤化工", "modern_coal_chemical"},
    {"现代煤化", "modern_coal_chemical"},
    {"装备", "equipment_manufacturing"},
    {"高端装备制造", "equipment_manufacturing"},
    {"先进装备制造", "equipment_manufacturing"},
    {"智能装备制造", "equipment_manufacturing"},
    {"节能", "energy_saving"},
    {"环保", "energy_saving"},
    {"节能环保产业", "energy_saving"},
    {"数字经济", "big_data"},
    {"大数据及数字经济", "big_data"},
    {"信息技术", "big_data"},
    {"新型材料", "new_materials"},
    {"清洁能源", "new_energy"},
}};

// Longest first, so that 高新技术产业开发区 is not cut as 开发区.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kZoneShortForms{{
    {"高新技术产业开发区", "高新区"},
    {"高新技术开发区", "高新区"},
    {"经济技术开发区", "经开区"},
    {"经济开发区", "经开区"},
    {"开发区", "开发区"},
}};

std::string without_suffix(std::string s, std::string_view suffix) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
        s.erase(s.size() - suffix.size());
    }
    return s;
}

std::string industry_key(std::string_view text) {
    std::string key = match_key(text);
    for (std::string_view suffix : {"产业", "行业", "industry", "industries"}) key = without_suffix(key, suffix);
    return key;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string province_short(std::string name) {
    for (std::string_view suffix : {"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"}) {
        std::string shorter = without_suffix(name, suffix);
        if (shorter != name) return shorter;
    }
    return name;
}

}  // namespace

std::string zone_key(std::string_view name, const std::vector<std::string>& province_names) {
    std::string key = match_key(name);
    for (const auto& province : province_names) {
        for (const std::string& prefix : {match_key(province), province_short(match_key(province))}) {
            if (!prefix.empty() && starts_with(key, prefix) && key.size() > prefix.size()) {
                key.erase(0, prefix.size());
                break;
            }
        }
    }
    for (std::string_view level : {"国家级", "省级"}) {
        if (starts_with(key, level)) key.erase(0, level.size());
    }
    for (const auto& [long_form, short_form] : kZoneShortForms) {
        const auto at = key.find(long_form);
        if (at != std::string::npos) {
            key.replace(at, long_form.size(), short_form);
            break;
        }
    }
    return key;
}

Result<std::string> match_industry(std::string_view text, const std::vector<domain::Industry>& industries,
                                           std::string_view field) {
    const std::string key = industry_key(text);
    if (key.empty()) return Error::invalid_field(field, "产业不能为空", "industry is required");
    for (const auto& i : industries) {
        if (key == industry_key(i.name_zh) || key == industry_key(i.name_en) || key == match_key(i.code)) return i.code;
    }
    for (const auto& [alias, code] : kIndustryAliases) {
        if (key != alias) continue;
        for (const auto& i : industries) {
            if (i.code == code) return i.code;
        }
    }
    return Error::invalid_field(field, "产业“" + clean_cell_text(text) + "”不在产业目录中",
                                "industry \"" + clean_cell_text(text) + "\" is not in the catalogue");
}

Result<const ImportZone*> match_zone(std::string_view text, const ImportCatalog& catalog,
                                             std::optional<domain::RegionCode> city, std::string_view field) {
    const std::string key = zone_key(text, catalog.province_names);
    if (key.empty()) return Error::invalid_field(field, "开发区不能为空", "zone is required");
    const std::string code = match_key(text);
    std::vector<const ImportZone*> found;
    for (const auto& z : catalog.zones) {
        if (city && z.city != *city) continue;
        if (code == match_key(z.code) || key == zone_key(z.name, catalog.province_names)) found.push_back(&z);
    }
    if (found.size() == 1) return found.front();
    const std::string shown = clean_cell_text(text);
    if (found.empty()) {
        return Error::invalid_field(field, "开发区“" + shown + "”不存在或不在您的管辖范围内",
                                    "zone \"" + shown + "\" does not exist or is outside your scope");
    }
    return Error::invalid_field(field, "开发区“" + shown + "”可指多个开发区，请写全称",
                                "zone \"" + shown + "\" matches several zones; give the full name");
}

Result<const ImportCity*> match_city(std::string_view text, const ImportCatalog& catalog,
                                             std::string_view field) {
    const std::string key = without_suffix(match_key(text), "市");
    for (const auto& c : catalog.cities) {
        if (key == without_suffix(match_key(c.name), "市") || key == c.code.str()) return &c;
    }
    const std::string shown = clean_cell_text(text);
    return Error::invalid_field(field, "地市“" + shown + "”不存在或不在您的管辖范围内",
                                "city \"" + shown + "\" does not exist or is outside your scope");
}

namespace {

template <class T, class Match>
Result<T> kept(std::unordered_map<std::string, Result<T>>& answers, std::string key, const Match& match) {
    auto at = answers.find(key);
    if (at == answers.end()) at = answers.emplace(std::move(key), match()).first;
    return at->second;
}

}  // namespace

Result<std::string> CatalogMatches::industry(std::string_view text) {
    return kept(industries_, std::string(text), [&] { return match_industry(text, catalog_.industries, "industry"); });
}

Result<const ImportZone*> CatalogMatches::zone(std::string_view text, std::optional<domain::RegionCode> city) {
    std::string key = city ? city->str() : std::string();
    key += '\t';
    key += text;
    return kept(zones_, std::move(key), [&] { return match_zone(text, catalog_, city, "zone"); });
}

Result<const ImportCity*> CatalogMatches::city(std::string_view text) {
    return kept(cities_, std::string(text), [&] { return match_city(text, catalog_, "city"); });
}

}  // namespace sanpi::service
