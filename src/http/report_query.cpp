#include "http/report_query.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string_view>

#include "domain/region_code.hpp"

namespace sanpi::http {

namespace {

using R = ReportListRequest;

std::optional<std::int64_t> positive(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0) return std::nullopt;
    return n;
}

// Each reader stores the parameter in the request; false means the value is unacceptable.
bool read_month(std::string_view v, R& r) {
    auto month = domain::Month::parse(v);
    if (!month) return false;
    r.query.month = *month;
    r.missing.month = *month;
    return true;
}

bool read_status(std::string_view v, R& r) { return bool(r.query.status = domain::report_status_from_string(v)); }

bool read_zone(std::string_view v, R& r) {
    r.query.zone_id = r.missing.zone_id = positive(v);
    return r.query.zone_id.has_value();
}

bool read_city(std::string_view v, R& r) {
    auto code = domain::RegionCode::parse(v, "city");
    if (!code || code->level() != domain::RegionLevel::kCity) return false;
    r.query.city_code = r.missing.city_code = code->str();
    return true;
}

bool read_page(std::string_view v, R& r) {
    auto n = positive(v);
    if (n) r.page = *n;
    return n.has_value();
}

bool read_page_size(std::string_view v, R& r) {
    auto n = positive(v);
    if (!n || *n > kMaxPageSize) return false;
    r.page_size = *n;
    return true;
}

// ?lang= chooses the language of messages; it is valid on every endpoint.
bool read_lang(std::string_view, R&) { return true; }

struct ParamSpec {
    std::string_view name;
    bool (*read)(std::string_view, R&);
    const char* zh;
    const char* en;
    bool across_projects;  // only on the lists that span projects (queue, missing)
    bool filters_reports;  // only on the lists of reports (not missing)
};

constexpr ParamSpec kParams[] = {
    {"month", read_month, "须为 YYYY-MM 格式的月份，如 2022-07", "must be a month written YYYY-MM, e.g. 2022-07", false,
     false},
    {"status", read_status, "须为 draft、submitted、approved、returned 之一",
     "must be one of draft, submitted, approved, returned", false, true},
    {"zone", read_zone, "须为正整数", "must be a positive integer", true, false},
    {"city", read_city, "须为市级行政区划代码（如 140100）", "must be a city division code such as 140100", true,
     false},
    {"page", read_page, "须为正整数", "must be a positive integer", false, false},
    {"page_size", read_page_size, "须为 1 到 500 的整数", "must be an integer from 1 to 500", false, false},
    {"lang", read_lang, "", "", false, false},
};

bool allowed(const ParamSpec& spec, ReportList list) {
    if (spec.across_projects && list == ReportList::kOfProject) return false;
    if (spec.filters_reports && list == ReportList::kMissing) return false;
    return true;
}

void read_param(const std::string& key, const std::string& value, ReportList list, R& out,
                std::vector<FieldError>& errors) {
    for (const auto& spec : kParams) {
        if (spec.name != key || !allowed(spec, list)) continue;
        if (!spec.read(value, out)) errors.push_back({key, {spec.zh, spec.en}});
        return;
    }
    errors.push_back({key, {"未知的查询参数", "unknown query parameter"}});
}

bool seen_before(const QueryParams& params, std::size_t i) {
    return std::any_of(params.begin(), params.begin() + static_cast<std::ptrdiff_t>(i),
                       [&](const auto& p) { return p.first == params[i].first; });
}

}  // namespace

std::variant<ReportListRequest, Problem> parse_report_list(const QueryParams& params, ReportList list) {
    ReportListRequest out;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (seen_before(params, i)) {
            errors.push_back({params[i].first, {"参数重复", "parameter given more than once"}});
        } else {
            read_param(params[i].first, params[i].second, list, out, errors);
        }
    }
    const bool month_given =
        std::any_of(params.begin(), params.end(), [](const auto& p) { return p.first == "month"; });
    if (list == ReportList::kMissing && !month_given) {
        errors.push_back({"month", {"须指定月份，如 month=2022-07", "month is required, e.g. month=2022-07"}});
    }
    if (errors.empty() && out.page > std::numeric_limits<std::int64_t>::max() / out.page_size) {
        errors.push_back({"page", {"页码过大", "page is too large"}});
    }
    if (!errors.empty()) return bad_request({"查询参数有误", "invalid query parameters"}, std::move(errors));
    out.query.offset = out.missing.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.missing.limit = out.page_size;
    return out;
}

}  // namespace sanpi::http
