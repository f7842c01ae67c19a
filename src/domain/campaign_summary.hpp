#pragma once
// A campaign's summary broken down by city, zone and industry, added up from its kept figures
// (figures.hpp): the cost grows with the zones in scope and the industries, never with the entries.
#include <vector>

#include "domain/campaign.hpp"
#include "domain/figures.hpp"
#include "domain/industry.hpp"
#include "domain/region.hpp"
#include "domain/zone.hpp"

namespace sanpi::domain {

// What a campaign's breakdowns are added up from, all inside one scope.
struct CampaignFigures {
    std::vector<BatchFigure> zone_rows;               // the campaign's rows per zone and batch
    std::vector<BatchIndustryTotal> industry_totals;  // per batch and industry, summed over the zones
    std::vector<Zone> zones;                          // the zones in scope
    std::vector<Region> regions;                      // only name cities
    std::vector<Industry> industries;                 // name and order industries
};

// Fills each batch's by_city (every city with a zone in scope, zeros included, by code), by_zone
// (zones with entries in the batch, by city then id) and by_industry (every industry of the
// dictionary in its order, zeros included, then codes it lacks). `national`: a scope as wide as the
// country lists no cities or zones, like the dashboard (thousands of zones). Rows of zones outside
// `figures.zones` are ignored.
void add_breakdowns(CampaignSummary& summary, const CampaignFigures& figures, bool national);

}  // namespace sanpi::domain
