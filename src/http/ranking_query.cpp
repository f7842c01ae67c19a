#include "http/ranking_query.hpp"

#include "http/list_params.hpp"

namespace sanpi::http {

namespace {

struct RankingRequest {
    service::RankingQuery query;
    bool has_period = false;
};

bool read_period(std::string_view v, RankingRequest& r) {
    auto p = domain::RankingPeriod::parse(v);
    if (!p) return false;
    r.query.period = *p;
    r.has_period = true;
    return true;
}

bool read_as_of(std::string_view v, RankingRequest& r) { return bool(r.query.as_of = iso_date_param(v)); }

bool read_city(std::string_view v, RankingRequest& r) { return bool(r.query.city_code = city_code_param(v)); }
bool read_lang(std::string_view, RankingRequest&) { return true; }

constexpr ParamSpec<RankingRequest> kRankingParams[] = {
    {"period",
     read_period,
     {"须为年份（2022）或季度（2022Q2），年份 2000–2999",
      "must be a year (2022) or a quarter (2022Q2), years 2000–2999"}},
    {"as_of", read_as_of, {"须为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"}},
    {"city", read_city, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
    {"lang", read_lang, {"", ""}},
};

}  // namespace

std::variant<service::RankingQuery, Problem> parse_ranking_query(const QueryParams& params) {
    RankingRequest out;
    std::vector<FieldError> errors;
    const ParamTable<RankingRequest> tables[] = {kRankingParams};
    read_params<RankingRequest>(params, tables, out, errors);
    if (errors.empty() && !out.has_period) errors.push_back({"period", {"缺少期间", "the period is missing"}});
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out.query;
}

}  // namespace sanpi::http
