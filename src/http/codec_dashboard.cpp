// The dashboard as JSON (docs/api.md, Dashboard).
#include "domain/dashboard.hpp"
#include "http/codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

json::object total_json(const domain::FigureTotal& t) {
    return {{"projects", t.projects}, {"total_investment", money_json(t.investment)}};
}

json::value rate_json(const domain::Rate& r) {
    const auto permille = r.permille();
    return json::object{{"numerator", r.numerator},
                        {"denominator", r.denominator},
                        {"permille", permille ? json::value(*permille) : json::value(nullptr)},
                        {"text", r.percent_text()}};
}

json::object rates_json(const domain::StageCounts& c) {
    return {{"start", rate_json(domain::start_rate(c))},
            {"production", rate_json(domain::production_rate(c))},
            {"capacity", rate_json(domain::capacity_rate(c))},
            {"on_time_start", rate_json(domain::on_time_start_rate(c))},
            {"on_time_production", rate_json(domain::on_time_production_rate(c))},
            {"on_time_capacity", rate_json(domain::on_time_capacity_rate(c))}};
}

// A group's totals and rates in one object.
json::object group_json(json::object head, const domain::FigureGroup& g) {
    head["projects"] = g.total.projects;
    head["total_investment"] = money_json(g.total.investment);
    head["rates"] = rates_json(g.counts);
    return head;
}

}  // namespace

json::object to_json(const domain::Dashboard& d) {
    json::array stages, statuses, provinces, cities, zones, industries;
    for (const auto& s : d.by_stage) {
        auto o = total_json(s.total);
        o["stage"] = domain::to_string(s.stage);
        stages.push_back(std::move(o));
    }
    for (const auto& s : d.by_status) {
        auto o = total_json(s.total);
        o["status"] = domain::to_string(s.status);
        statuses.push_back(std::move(o));
    }
    for (const auto& p : d.by_province) {
        provinces.push_back(group_json({{"province_code", p.code}, {"name", p.name}}, p.figures));
    }
    for (const auto& c : d.by_city) cities.push_back(group_json({{"city_code", c.code}, {"name", c.name}}, c.figures));
    for (const auto& z : d.by_zone) {
        zones.push_back(group_json({{"zone_id", z.id}, {"name", z.name}, {"city_code", z.city_code}}, z.figures));
    }
    for (const auto& i : d.by_industry) {
        auto o = total_json(i.total);
        o["industry_code"] = i.code;
        o["name"] = i.name;
        industries.push_back(std::move(o));
    }
    auto out = group_json({}, d.figures);
    out["by_stage"] = std::move(stages);
    out["by_status"] = std::move(statuses);
    out["by_province"] = std::move(provinces);
    out["by_city"] = std::move(cities);
    out["by_zone"] = std::move(zones);
    out["by_industry"] = std::move(industries);
    out["campaign"] = d.campaign ? json::value(to_json(*d.campaign)) : json::value(nullptr);
    return out;
}

}  // namespace sanpi::http
