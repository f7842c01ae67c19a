#include "http/coordination_query.hpp"

#include <string_view>

namespace sanpi::http {

namespace {

using R = CoordinationListRequest;

// Each reader stores the parameter in the request; false means the value is unacceptable.
bool read_status(std::string_view v, R& r) { return bool(r.query.status = domain::coordination_status_from_string(v)); }
bool read_category(std::string_view v, R& r) {
    return bool(r.query.category = domain::coordination_category_from_string(v));
}
bool read_level(std::string_view v, R& r) { return bool(r.query.level = domain::coordination_level_from_string(v)); }

bool read_overdue(std::string_view v, R& r) {
    if (v != "true" && v != "false") return false;
    r.query.overdue = v == "true";
    return true;
}

bool read_zone(std::string_view v, R& r) { return bool(r.query.zone_id = positive_integer(v)); }

bool read_city(std::string_view v, R& r) { return bool(r.query.city_code = city_code_param(v)); }

constexpr ParamSpec<R> kParams[] = {
    {"status",
     read_status,
     {"须为 open、in_progress、resolved、closed、reopened 之一",
      "must be one of open, in_progress, resolved, closed, reopened"}},
    {"category",
     read_category,
     {"须为 land、planning_approval、financing、utilities、labour、environment、other 之一",
      "must be one of land, planning_approval, financing, utilities, labour, environment, other"}},
    {"level", read_level, {"须为 zone、city、province 之一", "must be one of zone, city, province"}},
    {"overdue", read_overdue, {"须为 true 或 false", "must be true or false"}},
    {"zone", read_zone, {"须为正整数", "must be a positive integer"}},
    {"city", read_city, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
};

}  // namespace

std::variant<CoordinationListRequest, Problem> parse_coordination_list(const QueryParams& params) {
    CoordinationListRequest out;
    std::vector<FieldError> errors;
    read_list_params<R>(params, kParams, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

}  // namespace sanpi::http
