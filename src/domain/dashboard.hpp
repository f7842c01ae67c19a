#pragma once
// A dashboard's figures for one scope, added up from the kept figures of its zones (figures.hpp):
// its cost grows with the number of zones in scope, never with the number of projects.
// Cancelled (终止) projects count only under their status; every other figure leaves them out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign.hpp"
#include "domain/figures.hpp"
#include "domain/industry.hpp"
#include "domain/money.hpp"
#include "domain/rates.hpp"
#include "domain/region.hpp"
#include "domain/stage.hpp"
#include "domain/zone.hpp"

namespace sanpi::domain {

struct FigureTotal {
    std::int64_t projects = 0;
    Money investment;
};

// A set of projects' totals and the milestone counts its rates are computed from.
struct FigureGroup {
    FigureTotal total;
    StageCounts counts;
};

struct StageLine {
    Stage stage = Stage::kReserve;
    FigureTotal total;
};
struct StatusLine {
    ProjectStatus status = ProjectStatus::kActive;
    FigureTotal total;
};
struct ProvinceLine {
    std::string code;   // six digits, e.g. "140000"
    std::string name;   // empty when the region dictionary lacks it
    FigureGroup figures;
};
struct CityLine {
    std::string code;   // six digits, e.g. "140100"
    std::string name;   // empty when the region dictionary lacks it
    FigureGroup figures;
};
struct ZoneLine {
    std::int64_t id = 0;
    std::string name;
    std::string city_code;
    FigureGroup figures;
};
struct IndustryLine {
    std::string code;
    std::string name;
    FigureTotal total;
};

struct Dashboard {
    FigureGroup figures;               // the whole scope
    std::vector<StageLine> by_stage;   // every stage, in stage order
    std::vector<StatusLine> by_status; // every status, cancelled included
    std::vector<ProvinceLine> by_province;  // provinces with a zone in scope, by code
    // Cities and zones are listed for a province's scope or narrower; a national answer leaves
    // them empty (thousands of zones), its callers narrow to a province to see them.
    std::vector<CityLine> by_city;     // cities with a zone in scope, by code
    std::vector<ZoneLine> by_zone;     // zones in scope, by city then id
    std::vector<IndustryLine> by_industry;  // the dictionary's order, then unknown codes
    std::optional<CampaignSummary> campaign;  // the latest campaign's batches in scope
};

// `zones` are the zones in scope (zones without figures show zeros); rows of other zones are
// ignored. `regions` and `industries` only name things. `national`: the scope is the whole
// country, so cities and zones are not listed.
Dashboard summarize_dashboard(const KeptFigures& figures, const std::vector<Zone>& zones,
                              const std::vector<Region>& regions, const std::vector<Industry>& industries,
                              bool national);

}  // namespace sanpi::domain
