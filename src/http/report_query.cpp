#include "http/report_query.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "http/export_params.hpp"

namespace sanpi::http {

namespace {

using ReportParams = ReportListRequest;

// Each reader stores the parameter in the request (a list's, which also fills what is missing, or
// an export's); false means the value is unacceptable.
template <class R>
bool read_report_month(std::string_view v, R& r) {
    auto month = domain::Month::parse(v);
    if (!month) return false;
    r.query.month = *month;
    if constexpr (requires { r.missing; }) r.missing.month = *month;
    return true;
}

template <class R>
bool read_report_status(std::string_view v, R& r) {
    return bool(r.query.status = domain::report_status_from_string(v));
}

template <class R>
bool read_report_zone(std::string_view v, R& r) {
    r.query.zone_id = positive_integer(v);
    if constexpr (requires { r.missing; }) r.missing.zone_id = r.query.zone_id;
    return r.query.zone_id.has_value();
}

template <class R>
bool read_report_city(std::string_view v, R& r) {
    r.query.city_code = city_code_param(v);
    if constexpr (requires { r.missing; }) r.missing.city_code = r.query.city_code;
    return r.query.city_code.has_value();
}

template <class R>
constexpr ParamSpec<R> kReportFilters[] = {
    {"month",
     read_report_month<R>,
     {"须为 YYYY-MM 格式的月份，如 2022-07", "must be a month written YYYY-MM, e.g. 2022-07"}},
    {"status",
     read_report_status<R>,
     {"须为 draft、submitted、approved、returned 之一", "must be one of draft, submitted, approved, returned"}},
    {"zone", read_report_zone<R>, {"须为正整数", "must be a positive integer"}},
    {"city", read_report_city<R>, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
};

// The filters each list takes: zone and city only across projects (queue, missing), status only
// on lists of reports (not on what is missing).
std::vector<ParamSpec<ReportParams>> filters_of(ReportList list) {
    std::vector<ParamSpec<ReportParams>> out;
    for (const auto& spec : kReportFilters<ReportParams>) {
        const bool across_projects = spec.name == "zone" || spec.name == "city";
        if (across_projects && list == ReportList::kOfProject) continue;
        if (spec.name == "status" && list == ReportList::kMissing) continue;
        out.push_back(spec);
    }
    return out;
}

}  // namespace

std::variant<ReportListRequest, Problem> parse_report_list(const QueryParams& params, ReportList list) {
    ReportListRequest out;
    std::vector<FieldError> errors;
    read_list_params<ReportParams>(params, filters_of(list), out, errors);
    const bool month_given =
        std::any_of(params.begin(), params.end(), [](const auto& p) { return p.first == "month"; });
    if (list == ReportList::kMissing && !month_given) {
        errors.push_back({"month", {"须指定月份，如 month=2022-07", "month is required, e.g. month=2022-07"}});
    }
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = out.missing.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.missing.limit = out.page_size;
    return out;
}

std::variant<ReportExportRequest, Problem> parse_report_export(const QueryParams& params) {
    using E = ReportExportRequest;
    E out;
    std::vector<FieldError> errors;
    const ParamTable<E> tables[] = {kReportFilters<E>, kExportParams<E>};
    read_params<E>(params, tables, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

}  // namespace sanpi::http
