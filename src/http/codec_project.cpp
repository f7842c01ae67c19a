// Projects and their stage history as JSON.
#include <string>

#include "domain/stage.hpp"
#include "http/codec.hpp"
#include "http/codec_identity.hpp"
#include "http/codec_warnings.hpp"

namespace sanpi::http {

namespace json = boost::json;

json::value date_json(const std::optional<domain::Date>& date) {
    if (!date) return nullptr;
    return json::string(date->iso());
}

json::value optional_text(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return json::string(*text);
}

// 0.01 亩 -> "12", "12.5", "12.05": exact, no binary floating point.
std::string mu_decimal(std::int64_t centimu) {
    std::string out = std::to_string(centimu / 100);
    std::int64_t frac = centimu % 100;
    if (frac == 0) return out;
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
    return out;
}

namespace {

json::object milestones_json(const domain::Milestones& m) {
    return {{"sign", date_json(m.sign)},
            {"start", date_json(m.start)},
            {"production", date_json(m.production)},
            {"capacity", date_json(m.capacity)}};
}

template <class T>
json::array array_of(const std::vector<T>& values) {
    json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

}  // namespace

// Room for every key of a project's answer (identity, commitments and light included), so the
// object is not rehashed as it grows.
constexpr std::size_t kProjectKeys = 48;

json::object to_json(const domain::ProjectView& view) {
    const domain::Project& p = view.project;
    json::object out({{"id", p.id},
                      {"code", p.code},
                      {"name", p.name},
                      {"zone_id", p.zone_id},
                      {"zone_name", view.zone_name},
                      {"region_code", view.region_code},
                      {"city_code", view.city_code},
                      {"investor_ids", array_of(p.investor_ids)},
                      {"investors", array_of(view.investor_names)},
                      {"industry", p.industry_code},
                      {"construction_content", p.construction_content}},
                     kProjectKeys);
    out["chain_node_id"] = p.chain_node_id ? json::value(*p.chain_node_id) : json::value(nullptr);
    out["total_investment"] = money_json(p.total_investment);
    out["planned"] = milestones_json(p.planned);
    out["actual"] = milestones_json(p.actual);
    out["stage"] = domain::to_string(p.stage);
    out["status"] = domain::to_string(p.status);
    out["annual_planned_investment"] = money_json(p.annual_planned_investment);
    out["expected_output_value"] = money_json(p.expected_output_value);
    out["expected_tax"] = money_json(p.expected_tax);
    out["expected_jobs"] = p.expected_jobs;
    out["land_area_mu"] = mu_decimal(p.land_area_centimu);
    out["responsible_unit"] = p.responsible_unit;
    out["responsible_post"] = p.responsible_post;
    out["tags"] = array_of(p.tags);
    out["synthetic"] = p.synthetic;
    out["version"] = p.version;
    add_identity_json(out, p);
    return out;
}

json::object project_detail_json(const domain::ProjectView& view, Lang lang) {
    json::object out = to_json(view);
    add_commitments_json(out, view.project);
    if (view.light) {
        out["light"] = domain::to_string(view.light->light);
        out["light_reasons"] = reasons_json(view.light->reasons, lang);
    }
    return out;
}

json::object to_json(const domain::StageChange& c) {
    return {{"id", c.id},
            {"project_id", c.project_id},
            {"from_stage", domain::to_string(c.from_stage)},
            {"to_stage", domain::to_string(c.to_stage)},
            {"from_status", domain::to_string(c.from_status)},
            {"to_status", domain::to_string(c.to_status)},
            {"date", date_json(c.date)},
            {"correction", c.correction},
            {"reason", c.reason}};
}

}  // namespace sanpi::http
