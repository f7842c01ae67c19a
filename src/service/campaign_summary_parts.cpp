#include "service/campaign_summary_parts.hpp"

#include <map>

#include "domain/figures.hpp"
#include "service/project_identity.hpp"

namespace sanpi::service {
namespace {

using domain::BatchKind;

Result<void> add_campaign_size_bands(store::Tx& tx, const Principal& who, domain::CampaignSummary& summary) {
    auto bands = tx.campaign_band_totals(who.scope, summary.campaign.id);
    if (!bands) return bands.error();
    for (auto& batch : summary.batches) {
        batch.size_bands.clear();
        for (const auto threshold : domain::kSizeBandsYi) {
            domain::SizeBand band{threshold, 0, {}};
            for (const auto& row : *bands) {
                if (row.batch == batch.batch && row.threshold_yi == threshold) {
                    band.projects = row.projects;
                    band.investment = row.investment;
                }
            }
            batch.size_bands.push_back(band);
        }
    }
    return {};
}

// The city (two-level region code ending in 00) of a zone's region code.
std::string city_of_zone_region(const std::string& region_code) {
    return region_code.size() == 6 ? region_code.substr(0, 4) + "00" : region_code;
}

Result<void> add_campaign_top_projects(store::Tx& tx, const Principal& who, domain::CampaignSummary& summary) {
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    auto industries = tx.list_industries();
    if (!industries) return industries.error();
    std::map<std::string, const domain::Region*> region_by_code;
    for (const auto& r : *regions) region_by_code[r.code.str()] = &r;
    std::map<std::string, const domain::Industry*> industry_by_code;
    for (const auto& i : *industries) industry_by_code[i.code] = &i;
    for (auto& batch : summary.batches) {
        auto top = tx.campaign_top_entries(who.scope, summary.campaign.id, batch.batch, kTopProjects);
        if (!top) return top.error();
        batch.top_projects.clear();
        for (const auto& e : *top) {
            domain::TopProject t;
            t.project_id = e.project_id;
            const domain::CodeNameSubject subject{e.zone_id, e.zone_region_code, e.stage, e.code_name};
            t.name = shows_code_name(who, subject) ? e.code_name : e.name;
            t.zone_id = e.zone_id;
            t.zone_name = e.zone_name;
            t.city_code = city_of_zone_region(e.zone_region_code);
            if (auto r = region_by_code.find(t.city_code); r != region_by_code.end()) {
                t.city_name = r->second->name_zh;
                t.city_name_en = r->second->name_en;
            }
            t.industry_code = e.industry_code;
            if (auto i = industry_by_code.find(e.industry_code); i != industry_by_code.end()) {
                t.industry_name = i->second->name_zh;
                t.industry_name_en = i->second->name_en;
            }
            t.investment = e.investment;
            batch.top_projects.push_back(std::move(t));
        }
    }
    return {};
}

}  // namespace

Result<void> add_summary_parts(store::Tx& tx, const Principal& who, domain::CampaignSummary& summary,
                               const std::vector<domain::Campaign>& campaigns, domain::Date today) {
    if (auto r = add_campaign_size_bands(tx, who, summary); !r) return r;
    if (auto r = add_campaign_top_projects(tx, who, summary); !r) return r;
    const domain::Campaign* previous = nullptr;
    for (const auto& c : campaigns) {
        if (c.id == summary.campaign.id) break;
        previous = &c;
    }
    summary.previous.reset();
    summary.previous_batches.clear();
    if (previous) {
        auto batches = tx.campaign_batches(who.scope, previous->id);
        if (!batches) return batches.error();
        summary.previous = *previous;
        summary.previous_batches = std::move(*batches);
    }
    auto conversion = tx.campaign_conversion(who.scope, summary.campaign.date);
    if (!conversion) return conversion.error();
    summary.conversion = {conversion->signed_earlier, conversion->started_since, conversion->started_earlier,
                          conversion->producing_since};
    summary.figures_as_of = summary.campaign.held_on.value_or(today);
    return {};
}

}  // namespace sanpi::service
