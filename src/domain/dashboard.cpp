#include "domain/dashboard.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace sanpi::domain {
namespace {

constexpr Stage kStages[] = {Stage::kReserve, Stage::kSigned, Stage::kStarted, Stage::kProducing, Stage::kAtCapacity};
constexpr ProjectStatus kDashboardStatuses[] = {ProjectStatus::kActive, ProjectStatus::kSuspended,
                                                ProjectStatus::kCancelled};

void add(FigureTotal& t, std::int64_t projects, Money investment) {
    t.projects += projects;
    t.investment += investment;
}

// What one stage row adds to a group: milestones count every project that reached them.
void add(FigureGroup& g, const StageFigure& f) {
    add(g.total, f.projects, f.investment);
    auto& c = g.counts;
    if (f.stage >= Stage::kSigned) c.signed_count += f.projects;
    if (f.stage >= Stage::kStarted) {
        c.started += f.projects;
        c.started_on_time += f.started_on_time;
    }
    if (f.stage >= Stage::kProducing) {
        c.producing += f.projects;
        c.producing_on_time += f.producing_on_time;
    }
    if (f.stage >= Stage::kAtCapacity) {
        c.at_capacity += f.projects;
        c.capacity_on_time += f.capacity_on_time;
    }
}

std::string city_of(const RegionCode& region) { return region.city().str(); }
std::string province_of(const RegionCode& region) { return region.province().str(); }

}  // namespace

Dashboard summarize_dashboard(const KeptFigures& figures, const std::vector<Zone>& zones,
                              const std::vector<Region>& regions, const std::vector<Industry>& industries,
                              bool national) {
    Dashboard d;
    std::vector<const Zone*> ordered;
    for (const auto& z : zones) ordered.push_back(&z);
    std::sort(ordered.begin(), ordered.end(), [](const Zone* a, const Zone* b) {
        const auto ca = city_of(a->region), cb = city_of(b->region);
        return ca != cb ? ca < cb : a->id < b->id;
    });
    std::map<std::string, std::string> region_names;
    for (const auto& r : regions) region_names.emplace(r.code.str(), r.name_zh);
    const auto name_of = [&](const std::string& code) {
        const auto found = region_names.find(code);
        return found == region_names.end() ? std::string() : found->second;
    };
    // Where each zone's rows add up: its province's, city's and own line (no city or zone line
    // in a national answer). Zones come by city code, so provinces and cities come by code too.
    struct Lines {
        std::size_t province = 0;
        std::optional<std::size_t> city, zone;
    };
    std::map<std::int64_t, Lines> zone_lines;
    std::map<std::string, std::size_t> province_index, city_index;
    for (const Zone* z : ordered) {
        Lines lines;
        const auto province = province_of(z->region);
        const auto [p, new_province] = province_index.emplace(province, d.by_province.size());
        if (new_province) d.by_province.push_back(ProvinceLine{province, name_of(province), {}});
        lines.province = p->second;
        if (!national) {
            const auto city = city_of(z->region);
            const auto [c, new_city] = city_index.emplace(city, d.by_city.size());
            if (new_city) d.by_city.push_back(CityLine{city, name_of(city), {}});
            lines.city = c->second;
            lines.zone = d.by_zone.size();
            d.by_zone.push_back(ZoneLine{z->id, z->name, city, {}});
        }
        zone_lines.emplace(z->id, lines);
    }
    for (auto s : kStages) d.by_stage.push_back({s, {}});
    for (auto s : kDashboardStatuses) d.by_status.push_back({s, {}});

    for (const auto& f : figures.stages) {
        const auto zone = zone_lines.find(f.zone_id);
        if (zone == zone_lines.end()) continue;
        add(d.by_status[static_cast<std::size_t>(f.status)].total, f.projects, f.investment);
        if (f.status == ProjectStatus::kCancelled) continue;
        add(d.by_stage[static_cast<std::size_t>(f.stage)].total, f.projects, f.investment);
        add(d.figures, f);
        const auto& lines = zone->second;
        add(d.by_province[lines.province].figures, f);
        if (lines.city) add(d.by_city[*lines.city].figures, f);
        if (lines.zone) add(d.by_zone[*lines.zone].figures, f);
    }

    std::map<std::string, FigureTotal> by_industry;
    for (const auto& f : figures.industries) {
        if (!zone_lines.contains(f.zone_id) || f.status == ProjectStatus::kCancelled) continue;
        add(by_industry[f.industry_code], f.projects, f.investment);
    }
    for (const auto& i : industries) {
        const auto found = by_industry.find(i.code);
        d.by_industry.push_back({i.code, i.name_zh, found == by_industry.end() ? FigureTotal{} : found->second});
        if (found != by_industry.end()) by_industry.erase(found);
    }
    for (const auto& [code, total] : by_industry) d.by_industry.push_back({code, "", total});
    return d;
}

}  // namespace sanpi::domain
