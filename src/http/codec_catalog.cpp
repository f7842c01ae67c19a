// Dictionaries, campaigns (their summaries and entries) and the signed-in user as JSON.
#include "domain/campaign.hpp"
#include "domain/user.hpp"
#include "http/codec.hpp"
#include "http/field_reader.hpp"

namespace sanpi::http {

namespace json = boost::json;

json::string money_json(domain::Money money) { return json::string(money.to_decimal(domain::MoneyUnit::kYuan)); }

namespace {

json::object batch_totals_json(const domain::BatchSummary& b) {
    return {{"batch", domain::to_string(b.batch)},
            {"projects", b.projects},
            {"total_investment", money_json(b.total_investment)}};
}

// A line's own keys, then its count and investment.
template <class Line>
json::object line_json(json::object head, const Line& line) {
    head["projects"] = line.projects;
    head["total_investment"] = money_json(line.investment);
    return head;
}

json::object breakdowns_json(const domain::BatchSummary& b) {
    json::array cities, zones, industries;
    for (const auto& c : b.by_city) {
        cities.push_back(line_json({{"city_code", c.city_code}, {"name", c.name}, {"name_en", c.name_en}}, c));
    }
    for (const auto& z : b.by_zone) {
        zones.push_back(line_json({{"zone_id", z.zone_id}, {"name", z.name}, {"city_code", z.city_code}}, z));
    }
    for (const auto& i : b.by_industry) {
        industries.push_back(
            line_json({{"industry_code", i.industry_code}, {"name", i.name}, {"name_en", i.name_en}}, i));
    }
    auto out = batch_totals_json(b);
    out["by_city"] = std::move(cities);
    out["by_zone"] = std::move(zones);
    out["by_industry"] = std::move(industries);
    return out;
}

json::object summary_json(const domain::CampaignSummary& summary,
                          json::object (*batch_json)(const domain::BatchSummary&)) {
    json::array batches;
    for (const auto& b : summary.batches) batches.push_back(batch_json(b));
    return {{"campaign", to_json(summary.campaign)}, {"batches", std::move(batches)}};
}

}  // namespace

json::object to_json(const domain::Region& region) {
    return {{"code", region.code.str()}, {"name", region.name_zh}, {"name_en", region.name_en}};
}

json::object to_json(const domain::Zone& zone) {
    json::array industries;
    for (const auto& code : zone.leading_industries) industries.emplace_back(code);
    return {{"id", zone.id},
            {"code", zone.code},
            {"name", zone.name},
            {"level", domain::to_string(zone.level)},
            {"region_code", zone.region.str()},
            {"leading_industries", std::move(industries)}};
}

json::object to_json(const domain::Industry& industry) {
    return {{"code", industry.code}, {"name", industry.name_zh}, {"name_en", industry.name_en}};
}

json::object to_json(const domain::Enterprise& enterprise) {
    return {{"id", enterprise.id}, {"name", enterprise.name}, {"credit_code", enterprise.credit_code.str()}};
}

Decoded<service::EnterpriseInput> decode_enterprise_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::EnterpriseInput input;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "name") {
            input.name = reader.string(value, "name").value_or("");
        } else if (key == "credit_code") {
            input.credit_code = reader.string(value, "credit_code").value_or("");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (!reader.malformed().empty()) {
        return bad_request(
            {"请求体中有字段类型错误或未知字段", "the body has fields of the wrong type or unknown fields"},
            reader.malformed());
    }
    return input;
}

json::object to_json(const domain::Campaign& campaign) {
    json::array venues;
    for (const auto& v : campaign.venues) {
        json::object venue{{"name", v.name}, {"region_code", v.region_code}, {"main", v.main}};
        venue["zone_id"] = v.zone_id ? json::value(*v.zone_id) : json::value(nullptr);
        venues.push_back(std::move(venue));
    }
    return {{"id", campaign.id},
            {"name", campaign.name},
            {"date", campaign.date.iso()},
            {"year", campaign.year},
            {"sequence", campaign.sequence},
            {"status", domain::to_string(campaign.status)},
            {"held_on", date_json(campaign.held_on)},
            {"venues", std::move(venues)},
            {"version", campaign.version}};
}

json::object to_json(const domain::CampaignSummary& summary) { return summary_json(summary, batch_totals_json); }

json::object campaign_summary_json(const domain::CampaignSummary& summary) {
    return summary_json(summary, breakdowns_json);
}

json::object to_json(const store::CampaignEntryView& view) {
    const auto& p = view.project.project;
    json::object project{{"id", p.id},
                         {"code", p.code},
                         {"name", p.name},
                         {"zone_id", p.zone_id},
                         {"zone_name", view.project.zone_name},
                         {"city_code", view.project.city_code},
                         {"industry", p.industry_code},
                         {"total_investment", money_json(p.total_investment)},
                         {"stage", domain::to_string(p.stage)},
                         {"status", domain::to_string(p.status)}};
    return {{"campaign_id", view.entry.campaign_id},
            {"project_id", view.entry.project_id},
            {"batch", domain::to_string(view.entry.batch)},
            {"status", domain::to_string(view.entry.status)},
            {"reason", view.entry.reason},
            {"project", std::move(project)}};
}

json::object to_json(const service::Principal& who) {
    json::object scope;
    switch (who.scope.kind) {
        case domain::Scope::Kind::kAll:
            scope["kind"] = "national";
            break;
        case domain::Scope::Kind::kRegion:
            scope["kind"] = "region";
            break;
        case domain::Scope::Kind::kZone:
            scope["kind"] = "zone";
            break;
    }
    if (who.user.region) scope["region_code"] = who.user.region->str();
    if (who.user.zone_id) scope["zone_id"] = *who.user.zone_id;
    return {{"id", who.user.id},
            {"name", who.user.name},
            {"role", domain::to_string(who.user.role)},
            {"scope", std::move(scope)},
            {"can_write_projects", who.user.can_write_projects()}};
}

}  // namespace sanpi::http
