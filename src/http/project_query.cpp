#include "http/project_query.hpp"

#include <algorithm>
#include <string_view>

#include "domain/project_code.hpp"
#include "domain/region_code.hpp"
#include "domain/stage.hpp"
#include "domain/text_normalize.hpp"
#include "http/export_params.hpp"
#include "http/project_cursor.hpp"

namespace sanpi::http {

namespace {

using Errors = std::vector<FieldError>;
using R = ProjectListRequest;

constexpr std::size_t kMaxSearchBytes = 200;

std::optional<store::ProjectSortKey> sort_key(std::string_view s) {
    using K = store::ProjectSortKey;
    static constexpr std::pair<std::string_view, K> kKeys[] = {{"id", K::kId},
                                                               {"code", K::kCode},
                                                               {"name", K::kName},
                                                               {"total_investment", K::kTotalInvestment},
                                                               {"planned_start", K::kPlannedStart},
                                                               {"stage", K::kStage}};
    for (const auto& [name, key] : kKeys) {
        if (name == s) return key;
    }
    return std::nullopt;
}

// Each reader stores the parameter in the request's query (the list's and the export's alike);
// false means the value is unacceptable.
template <class Q>
bool read_city(std::string_view v, Q& r) {
    return bool(r.query.city_code = city_code_param(v));
}

template <class Q>
bool read_zone(std::string_view v, Q& r) {
    return bool(r.query.zone_id = positive_integer(v));
}

template <class Q>
bool read_industry(std::string_view v, Q& r) {
    r.query.industry_code = domain::normalize_input(v);
    return !r.query.industry_code->empty();
}

template <class Q>
bool read_stage(std::string_view v, Q& r) {
    return bool(r.query.stage = domain::stage_from_string(v));
}

template <class Q>
bool read_status(std::string_view v, Q& r) {
    return bool(r.query.status = domain::project_status_from_string(v));
}

template <class Q>
bool read_text(std::string_view v, Q& r) {
    // A control character (NUL above all) is nothing a person searches for, and SQLite's full-text
    // query syntax would end the string at a NUL and fail (a 500 before this check).
    const bool control =
        std::any_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
    if (control || !domain::is_valid_utf8(v) || v.size() > kMaxSearchBytes) return false;
    auto text = domain::normalize_input(v);
    if (!text.empty()) r.query.text = std::move(text);
    return true;
}

// Compared exactly with stored codes, which are kept folded (project_code.hpp).
template <class Q>
bool read_national_code(std::string_view v, Q& r) {
    if (!domain::is_valid_utf8(v) || v.size() > kMaxSearchBytes) return false;
    auto code = domain::ProjectCode::fold(v);
    if (code.empty()) return false;
    r.query.national_code = std::move(code);
    return true;
}

template <class Q>
bool read_sort(std::string_view v, Q& r) {
    auto key = sort_key(v);
    if (key) r.query.sort = *key;
    return key.has_value();
}

template <class Q>
bool read_order(std::string_view v, Q& r) {
    r.query.descending = v == "desc";
    return v == "asc" || v == "desc";
}

bool read_cursor(std::string_view v, R& r) {
    r.cursor = std::string(v);
    return !v.empty();
}

// The filters, sort and order of the list, which its export takes too.
template <class Q>
constexpr ParamSpec<Q> kFilterParams[] = {
    {"city", read_city<Q>, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
    {"zone", read_zone<Q>, {"须为正整数", "must be a positive integer"}},
    {"industry", read_industry<Q>, {"须为产业代码", "must be an industry code"}},
    {"stage",
     read_stage<Q>,
     {"须为 reserve、signed、started、producing、at_capacity 之一",
      "must be one of reserve, signed, started, producing, at_capacity"}},
    {"status",
     read_status<Q>,
     {"须为 active、suspended、cancelled 之一", "must be one of active, suspended, cancelled"}},
    {"q",
     read_text<Q>,
     {"须为不超过 200 字节、不含控制字符的文本", "must be text of at most 200 bytes without control characters"}},
    {"national_code",
     read_national_code<Q>,
     {"须为项目代码（如 2203-140105-04-01-123456）", "must be a project code such as 2203-140105-04-01-123456"}},
    {"sort",
     read_sort<Q>,
     {"须为 id、code、name、total_investment、planned_start、stage 之一",
      "must be one of id, code, name, total_investment, planned_start, stage"}},
    {"order", read_order<Q>, {"须为 asc 或 desc", "must be asc or desc"}},
};

constexpr ParamSpec<R> kCursorParams[] = {
    {"cursor", read_cursor, {"须为上一页答复中的 next_cursor", "must be the next_cursor of a previous answer"}},
};

bool given(const QueryParams& params, std::string_view name) {
    for (const auto& [key, value] : params) {
        if (key == name) return true;
    }
    return false;
}

}  // namespace

std::variant<ProjectListRequest, Problem> parse_project_list(const QueryParams& params) {
    ProjectListRequest out;
    Errors errors;
    const ParamTable<R> tables[] = {kFilterParams<R>, kCursorParams, kPageParams<R>};
    read_params<R>(params, tables, out, errors);
    if (errors.empty()) detail::check_page(out.page, out.page_size, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.limit = out.page_size;
    if (out.cursor) {
        if (given(params, "page")) {
            errors.push_back({"cursor", {"不能与 page 同时使用", "cannot be combined with page"}});
        } else if (auto at = decode_project_cursor(*out.cursor, out.query)) {
            out.query.after = std::move(*at);
            out.query.count_total = false;
        } else {
            errors.push_back({"cursor",
                              {"游标无效，或不属于这组筛选条件与排序",
                               "cursor is damaged or was not made for these filters, sort and order"}});
        }
        if (!errors.empty()) return bad_list_params(std::move(errors));
        return out;
    }
    out.query.offset = (out.page - 1) * out.page_size;
    if (out.query.offset > kMaxListOffset) {
        return bad_list_params({{"page",
                                 {"页码过深（偏移超过 10000 行）：请沿 next_cursor 翻页",
                                  "pages start at most 10000 rows in: follow next_cursor for deeper ones"}}});
    }
    return out;
}

std::variant<ProjectExportRequest, Problem> parse_project_export(const QueryParams& params) {
    using E = ProjectExportRequest;
    ProjectExportRequest out;
    Errors errors;
    const ParamTable<E> tables[] = {kFilterParams<E>, kExportParams<E>};
    read_params<E>(params, tables, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

}  // namespace sanpi::http
