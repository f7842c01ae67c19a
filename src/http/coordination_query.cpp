#include "http/coordination_query.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string_view>

#include "domain/region_code.hpp"

namespace sanpi::http {

namespace {

using R = CoordinationListRequest;

std::optional<std::int64_t> positive(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0) return std::nullopt;
    return n;
}

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

bool read_zone(std::string_view v, R& r) { return bool(r.query.zone_id = positive(v)); }

bool read_city(std::string_view v, R& r) {
    auto code = domain::RegionCode::parse(v, "city");
    if (!code || code->level() != domain::RegionLevel::kCity) return false;
    r.query.city_code = code->str();
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
};

constexpr ParamSpec kParams[] = {
    {"status", read_status, "须为 open、in_progress、resolved、closed、reopened 之一",
     "must be one of open, in_progress, resolved, closed, reopened"},
    {"category", read_category, "须为 land、planning_approval、financing、utilities、labour、environment、other 之一",
     "must be one of land, planning_approval, financing, utilities, labour, environment, other"},
    {"level", read_level, "须为 zone、city、province 之一", "must be one of zone, city, province"},
    {"overdue", read_overdue, "须为 true 或 false", "must be true or false"},
    {"zone", read_zone, "须为正整数", "must be a positive integer"},
    {"city", read_city, "须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"},
    {"page", read_page, "须为正整数", "must be a positive integer"},
    {"page_size", read_page_size, "须为 1 到 500 的整数", "must be an integer from 1 to 500"},
    {"lang", read_lang, "", ""},
};

void read_param(const std::string& key, const std::string& value, R& out, std::vector<FieldError>& errors) {
    for (const auto& spec : kParams) {
        if (spec.name != key) continue;
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

std::variant<CoordinationListRequest, Problem> parse_coordination_list(const QueryParams& params) {
    CoordinationListRequest out;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (seen_before(params, i)) {
            errors.push_back({params[i].first, {"参数重复", "parameter given more than once"}});
        } else {
            read_param(params[i].first, params[i].second, out, errors);
        }
    }
    if (errors.empty() && out.page > std::numeric_limits<std::int64_t>::max() / out.page_size) {
        errors.push_back({"page", {"页码过大", "page is too large"}});
    }
    if (!errors.empty()) return bad_request({"查询参数有误", "invalid query parameters"}, std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

}  // namespace sanpi::http
