#include "domain/campaign_summary.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace sanpi::domain {
namespace {

Money plus(Money a, Money b) { return a + b; }

template <class Line>
void add_to(Line& line, std::int64_t projects, Money investment) {
    line.projects += projects;
    line.investment = plus(line.investment, investment);
}

BatchSummary* batch_of(CampaignSummary& summary, BatchKind kind) {
    for (auto& b : summary.batches) {
        if (b.batch == kind) return &b;
    }
    return nullptr;
}

// The cities of the zones in scope, by code, each at zero, named from the dictionary.
std::vector<BatchCityLine> city_lines(const CampaignFigures& figures) {
    std::map<std::string, const Region*> names;
    for (const auto& r : figures.regions) names.emplace(r.code.str(), &r);
    std::map<std::string, BatchCityLine> cities;
    for (const auto& z : figures.zones) {
        const auto code = z.region.city().str();
        if (cities.contains(code)) continue;
        BatchCityLine line{code, "", "", 0, Money()};
        if (const auto found = names.find(code); found != names.end()) {
            line.name = found->second->name_zh;
            line.name_en = found->second->name_en;
        }
        cities.emplace(code, std::move(line));
    }
    std::vector<BatchCityLine> out;
    for (auto& [code, line] : cities) out.push_back(std::move(line));
    return out;
}

void add_city_and_zone_lines(CampaignSummary& summary, const CampaignFigures& figures) {
    std::map<std::int64_t, const Zone*> zones;
    for (const auto& z : figures.zones) zones.emplace(z.id, &z);
    const auto cities = city_lines(figures);
    for (auto& b : summary.batches) b.by_city = cities;
    for (const auto& row : figures.zone_rows) {
        const auto zone = zones.find(row.zone_id);
        auto* batch = batch_of(summary, row.batch);
        if (zone == zones.end() || batch == nullptr || (row.projects == 0 && row.investment.is_zero())) continue;
        const auto city = zone->second->region.city().str();
        for (auto& line : batch->by_city) {
            if (line.city_code == city) add_to(line, row.projects, row.investment);
        }
        batch->by_zone.push_back({row.zone_id, zone->second->name, city, row.projects, row.investment});
    }
    for (auto& b : summary.batches) {
        std::sort(b.by_zone.begin(), b.by_zone.end(), [](const BatchZoneLine& x, const BatchZoneLine& y) {
            return x.city_code != y.city_code ? x.city_code < y.city_code : x.zone_id < y.zone_id;
        });
    }
}

void add_industry_lines(CampaignSummary& summary, const CampaignFigures& figures) {
    for (auto& b : summary.batches) {
        std::map<std::string, BatchIndustryLine> found;  // by code: the unknown ones come by code
        for (const auto& t : figures.industry_totals) {
            if (t.batch != b.batch) continue;
            auto& line = found[t.industry_code];
            line.industry_code = t.industry_code;
            add_to(line, t.projects, t.investment);
        }
        for (const auto& i : figures.industries) {
            BatchIndustryLine line{i.code, i.name_zh, i.name_en, 0, Money()};
            if (const auto it = found.find(i.code); it != found.end()) {
                add_to(line, it->second.projects, it->second.investment);
                found.erase(it);
            }
            b.by_industry.push_back(std::move(line));
        }
        for (auto& [code, line] : found) b.by_industry.push_back(std::move(line));
    }
}

}  // namespace

void add_breakdowns(CampaignSummary& summary, const CampaignFigures& figures, bool national) {
    if (!national) add_city_and_zone_lines(summary, figures);
    add_industry_lines(summary, figures);
}

}  // namespace sanpi::domain
