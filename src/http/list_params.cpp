#include "http/list_params.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "domain/region_code.hpp"

namespace sanpi::http {

std::optional<std::int64_t> positive_integer(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0) return std::nullopt;
    return n;
}

std::optional<std::string> city_code_param(std::string_view text) {
    auto code = domain::RegionCode::parse(text, "city");
    if (!code || code->level() != domain::RegionLevel::kCity) return std::nullopt;
    return code->str();
}

std::optional<std::string> province_code_param(std::string_view text) {
    auto code = domain::RegionCode::parse(text, "province");
    if (!code || code->level() != domain::RegionLevel::kProvince) return std::nullopt;
    return code->str();
}

std::optional<domain::Date> iso_date_param(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto parsed = domain::Date::parse(text);
    if (!parsed) return std::nullopt;
    return parsed->date;
}

namespace detail {

bool seen_before(const QueryParams& params, std::size_t i) {
    return std::any_of(params.begin(), params.begin() + static_cast<std::ptrdiff_t>(i),
                       [&](const auto& p) { return p.first == params[i].first; });
}

void add_repeated(std::vector<FieldError>& errors, const std::string& key) {
    errors.push_back({key, {"参数重复", "parameter given more than once"}});
}

void add_unknown(std::vector<FieldError>& errors, const std::string& key) {
    errors.push_back({key, {"未知的查询参数", "unknown query parameter"}});
}

void check_page(std::int64_t page, std::int64_t page_size, std::vector<FieldError>& errors) {
    if (page > std::numeric_limits<std::int64_t>::max() / page_size) {
        errors.push_back({"page", {"页码过大", "page is too large"}});
    }
}

}  // namespace detail

Problem bad_list_params(std::vector<FieldError> errors) {
    return bad_request({"查询参数有误", "invalid query parameters"}, std::move(errors));
}

}  // namespace sanpi::http
