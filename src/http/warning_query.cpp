#include "http/warning_query.hpp"

#include <string>

namespace sanpi::http {

namespace {

using WarningReq = WarningListRequest;

bool read_warning_light(std::string_view v, WarningReq& r) {
    auto light = domain::light_from_string(v);
    if (!light || *light == domain::Light::kGreen) return false;
    r.query.light = light;
    return true;
}
bool read_warning_rule(std::string_view v, WarningReq& r) {
    return bool(r.query.rule = domain::warning_rule_from_string(v));
}
bool read_warning_zone(std::string_view v, WarningReq& r) { return bool(r.query.zone_id = positive_integer(v)); }
bool read_warning_city(std::string_view v, WarningReq& r) { return bool(r.query.city_code = city_code_param(v)); }
bool read_warning_industry(std::string_view v, WarningReq& r) {
    if (v.empty() || v.size() > 64) return false;
    r.query.industry_code = std::string(v);
    return true;
}

constexpr ParamSpec<WarningReq> kWarningParams[] = {
    {"light", read_warning_light, {"须为 yellow 或 red", "must be yellow or red"}},
    {"rule",
     read_warning_rule,
     {"须为 start_overdue、production_overdue、capacity_overdue、report_missing、investment_behind、"
      "coordination_overdue、stats_entry_missing、approval_lapse、commitment_missed 之一",
      "must be one of start_overdue, production_overdue, capacity_overdue, report_missing, investment_behind, "
      "coordination_overdue, stats_entry_missing, approval_lapse, commitment_missed"}},
    {"zone", read_warning_zone, {"须为正整数", "must be a positive integer"}},
    {"city", read_warning_city, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
    {"industry", read_warning_industry, {"须为产业代码", "must be an industry code"}},
};

}  // namespace

std::variant<WarningListRequest, Problem> parse_warning_list(const QueryParams& params) {
    WarningReq out;
    std::vector<FieldError> errors;
    read_list_params<WarningReq>(params, kWarningParams, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

}  // namespace sanpi::http
