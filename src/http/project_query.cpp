#include "http/project_query.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <string_view>
#include <tuple>

#include "domain/region_code.hpp"
#include "domain/stage.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::http {

namespace {

using Errors = std::vector<FieldError>;

std::optional<std::int64_t> positive(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || text[0] == '+' || ec != std::errc() || end != text.data() + text.size() || n <= 0) {
        return std::nullopt;
    }
    return n;
}

std::optional<store::ProjectSortKey> sort_key(std::string_view s) {
    using K = store::ProjectSortKey;
    static constexpr std::pair<std::string_view, K> kKeys[] = {
        {"id", K::kId},     {"code", K::kCode},   {"name", K::kName}, {"total_investment", K::kTotalInvestment},
        {"planned_start", K::kPlannedStart}, {"stage", K::kStage}};
    for (const auto& [name, key] : kKeys) {
        if (name == s) return key;
    }
    return std::nullopt;
}

// Each parameter: how to read it into the request; false means the value is unacceptable.
using Reader = std::function<bool(std::string_view, ProjectListRequest&)>;

const std::vector<std::tuple<std::string_view, Reader, Text>>& readers() {
    using R = ProjectListRequest;
    static const std::vector<std::tuple<std::string_view, Reader, Text>> kReaders = {
        {"city", [](std::string_view v, R& r) {
             auto code = domain::RegionCode::parse(v, "city");
             if (!code || code->level() != domain::RegionLevel::kCity) return false;
             r.query.city_code = code->str();
             return true;
         }, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
        {"zone", [](std::string_view v, R& r) { return bool(r.query.zone_id = positive(v)); },
         {"须为正整数", "must be a positive integer"}},
        {"industry", [](std::string_view v, R& r) {
             r.query.industry_code = domain::normalize_input(v);
             return !r.query.industry_code->empty();
         }, {"须为行业代码", "must be an industry code"}},
        {"stage", [](std::string_view v, R& r) { return bool(r.query.stage = domain::stage_from_string(v)); },
         {"须为 reserve、signed、started、producing、at_capacity 之一",
          "must be one of reserve, signed, started, producing, at_capacity"}},
        {"status", [](std::string_view v, R& r) {
             return bool(r.query.status = domain::project_status_from_string(v));
         }, {"须为 active、suspended、cancelled 之一", "must be one of active, suspended, cancelled"}},
        {"q", [](std::string_view v, R& r) {
             auto text = domain::normalize_input(v);
             if (!text.empty()) r.query.text = std::move(text);
             return domain::is_valid_utf8(v) && v.size() <= 200;
         }, {"须为不超过 200 字节的文本", "must be text of at most 200 bytes"}},
        {"sort", [](std::string_view v, R& r) {
             auto key = sort_key(v);
             if (key) r.query.sort = *key;
             return key.has_value();
         }, {"须为 id、code、name、total_investment、planned_start、stage 之一",
             "must be one of id, code, name, total_investment, planned_start, stage"}},
        {"order", [](std::string_view v, R& r) {
             r.query.descending = v == "desc";
             return v == "asc" || v == "desc";
         }, {"须为 asc 或 desc", "must be asc or desc"}},
        {"page", [](std::string_view v, R& r) {
             auto n = positive(v);
             if (n) r.page = *n;
             return n.has_value();
         },
         {"须为正整数", "must be a positive integer"}},
        {"page_size", [](std::string_view v, R& r) {
             auto n = positive(v);
             if (n && *n <= kMaxPageSize) r.page_size = *n;
             return n && *n <= kMaxPageSize;
         }, {"须为 1 到 500 的整数", "must be an integer from 1 to 500"}},
        {"lang", [](std::string_view, R&) { return true; }, {}},
    };
    return kReaders;
}

void read_param(const std::string& key, const std::string& value, ProjectListRequest& out, Errors& errors) {
    for (const auto& [name, read, message] : readers()) {
        if (name != key) continue;
        if (!read(value, out)) errors.push_back({key, message});
        return;
    }
    errors.push_back({key, {"未知的查询参数", "unknown query parameter"}});
}

}  // namespace

std::variant<ProjectListRequest, Problem> parse_project_list(const QueryParams& params) {
    ProjectListRequest out;
    Errors errors;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [key, value] = params[i];
        auto earlier = std::find_if(params.begin(), params.begin() + static_cast<std::ptrdiff_t>(i),
                                    [&](const auto& p) { return p.first == key; });
        if (earlier != params.begin() + static_cast<std::ptrdiff_t>(i)) {
            errors.push_back({key, {"参数重复", "parameter given more than once"}});
            continue;
        }
        read_param(key, value, out, errors);
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
