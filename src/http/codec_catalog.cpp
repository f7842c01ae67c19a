// Dictionaries, campaigns (their summaries and entries) and the signed-in user as JSON.
#include "domain/campaign.hpp"
#include "domain/number_text.hpp"
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

// A rate in basis points of two counts; null when the denominator is 0.
json::value rate_bp_json(std::int64_t numerator, std::int64_t denominator) {
    const auto bp = domain::basis_points(numerator, denominator);
    return bp ? json::value(*bp) : json::value(nullptr);
}

json::array size_bands_json(const domain::BatchSummary& b) {
    json::array out;
    for (const auto& band : b.size_bands) {
        out.push_back(json::object{{"threshold_yi", band.threshold_yi},
                                   {"projects", band.projects},
                                   {"share_bp", rate_bp_json(band.projects, b.projects)},
                                   {"total_investment", money_json(band.investment)}});
    }
    return out;
}

json::array top_projects_json(const domain::BatchSummary& b) {
    json::array out;
    for (const auto& p : b.top_projects) {
        out.push_back(json::object{{"project_id", p.project_id},
                                   {"name", p.name},
                                   {"zone_id", p.zone_id},
                                   {"zone_name", p.zone_name},
                                   {"city_code", p.city_code},
                                   {"city_name", p.city_name},
                                   {"city_name_en", p.city_name_en},
                                   {"industry_code", p.industry_code},
                                   {"industry_name", p.industry_name},
                                   {"industry_name_en", p.industry_name_en},
                                   {"total_investment", money_json(p.investment)}});
    }
    return out;
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
    out["size_bands"] = size_bands_json(b);
    out["top_projects"] = top_projects_json(b);
    return out;
}

json::object conversion_json(const domain::Conversion& c) {
    return {{"signed_earlier", c.signed_earlier},
            {"started_since", c.started_since},
            {"started_earlier", c.started_earlier},
            {"producing_since", c.producing_since},
            {"start_rate_bp", rate_bp_json(c.started_since, c.signed_earlier)},
            {"production_rate_bp", rate_bp_json(c.producing_since, c.started_earlier)}};
}

// What a campaign's own summary adds to the totals the dashboard shares: the previous campaign and
// its batches' totals, the conversion, the date the figures are as of.
void add_comparisons(json::object& out, const domain::CampaignSummary& summary) {
    json::array previous_batches;
    for (const auto& b : summary.previous_batches) previous_batches.push_back(batch_totals_json(b));
    out["previous"] = summary.previous ? json::value(to_json(*summary.previous)) : json::value(nullptr);
    out["previous_batches"] = std::move(previous_batches);
    out["conversion"] = conversion_json(summary.conversion);
    out["figures_as_of"] = summary.figures_as_of.iso();
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
    auto out = summary_json(summary, breakdowns_json);
    add_comparisons(out, summary);
    return out;
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
            {"display_name", who.user.display_name},
            {"must_change_password", who.user.must_change_password},
            {"can_write_projects", who.user.can_write_projects()}};
}

}  // namespace sanpi::http
