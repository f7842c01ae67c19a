#include "domain/figures_recount.hpp"

#include <map>
#include <tuple>

namespace sanpi::domain {

namespace {

bool no_later(const std::optional<Date>& actual, const std::optional<Date>& planned) {
    return actual && planned && *actual <= *planned;
}

}  // namespace

KeptFigures count_figures(const std::vector<ProjectFacts>& projects) {
    // Keyed as the store orders its rows: stage and status by their names.
    std::map<std::tuple<std::int64_t, std::string, std::string>, StageFigure> stages;
    std::map<std::tuple<std::int64_t, std::string, std::string>, IndustryFigure> industries;
    for (const auto& p : projects) {
        auto& s = stages[{p.zone_id, std::string(to_string(p.stage)), std::string(to_string(p.status))}];
        s.zone_id = p.zone_id;
        s.stage = p.stage;
        s.status = p.status;
        ++s.projects;
        s.investment += p.total_investment;
        s.started_on_time += no_later(p.started_on, p.planned_start) ? 1 : 0;
        s.producing_on_time += no_later(p.producing_on, p.planned_production) ? 1 : 0;
        s.capacity_on_time += no_later(p.capacity_on, p.planned_capacity) ? 1 : 0;
        auto& i = industries[{p.zone_id, p.industry_code, std::string(to_string(p.status))}];
        i.zone_id = p.zone_id;
        i.industry_code = p.industry_code;
        i.status = p.status;
        ++i.projects;
        i.investment += p.total_investment;
    }
    KeptFigures out;
    for (auto& [key, f] : stages) out.stages.push_back(f);
    for (auto& [key, f] : industries) out.industries.push_back(f);
    return out;
}

}  // namespace sanpi::domain
