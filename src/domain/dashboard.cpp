#include "domain/dashboard.hpp"

#include <algorithm>
#include <map>

namespace sanpi::domain {
namespace {

constexpr Stage kStages[] = {Stage::kReserve, Stage::kSigned, Stage::kStarted, Stage::kProducing, Stage::kAtCapacity};
constexpr ProjectStatus kStatuses[] = {ProjectStatus::kActive, ProjectStatus::kSuspended, ProjectStatus::kCancelled};

void add(FigureTotal& t, std::int64_t projects, Money investment) {
    t.projects += projects;
    t.investment = Money::from_fen(t.investment.fen() + investment.fen());
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

}  // namespace

Dashboard summarize_dashboard(const KeptFigures& figures, const std::vector<Zone>& zones,
                              const std::vector<Region>& regions, const std::vector<Industry>& industries) {
    Dashboard d;
    std::map<std::int64_t, std::size_t> zone_index;
    std::map<std::string, std::size_t> city_index;
    std::vector<const Zone*> ordered;
    for (const auto& z : zones) ordered.push_back(&z);
    std::sort(ordered.begin(), ordered.end(), [](const Zone* a, const Zone* b) {
        const auto ca = city_of(a->region), cb = city_of(b->region);
        return ca != cb ? ca < cb : a->id < b->id;
    });
    std::map<std::string, std::string> region_names;
    for (const auto& r : regions) region_names.emplace(r.code.str(), r.name_zh);
    for (const Zone* z : ordered) {
        const auto city = city_of(z->region);
        zone_index.emplace(z->id, d.by_zone.size());
        d.by_zone.push_back(ZoneLine{z->id, z->name, city, {}});
        if (city_index.emplace(city, d.by_city.size()).second) {
            const auto name = region_names.find(city);
            d.by_city.push_back(CityLine{city, name == region_names.end() ? std::string() : name->second, {}});
        }
    }
    for (auto s : kStages) d.by_stage.push_back({s, {}});
    for (auto s : kStatuses) d.by_status.push_back({s, {}});

    for (const auto& f : figures.stages) {
        const auto zone = zone_index.find(f.zone_id);
        if (zone == zone_index.end()) continue;
        add(d.by_status[static_cast<std::size_t>(f.status)].total, f.projects, f.investment);
        if (f.status == ProjectStatus::kCancelled) continue;
        add(d.by_stage[static_cast<std::size_t>(f.stage)].total, f.projects, f.investment);
        add(d.figures, f);
        auto& line = d.by_zone[zone->second];
        add(line.figures, f);
        add(d.by_city[city_index.at(line.city_code)].figures, f);
    }

    std::map<std::string, FigureTotal> by_industry;
    for (const auto& f : figures.industries) {
        if (!zone_index.contains(f.zone_id) || f.status == ProjectStatus::kCancelled) continue;
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
