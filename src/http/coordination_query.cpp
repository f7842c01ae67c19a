#include "http/coordination_query.hpp"

#include <string_view>

#include "http/export_params.hpp"

namespace sanpi::http {

namespace {

// Each reader stores the parameter in the request's query (the list's and the export's alike);
// false means the value is unacceptable.
template <class R>
bool read_item_status(std::string_view v, R& r) {
    return bool(r.query.status = domain::coordination_status_from_string(v));
}
template <class R>
bool read_item_category(std::string_view v, R& r) {
    return bool(r.query.category = domain::coordination_category_from_string(v));
}
template <class R>
bool read_item_level(std::string_view v, R& r) {
    return bool(r.query.level = domain::coordination_level_from_string(v));
}

template <class R>
bool read_item_overdue(std::string_view v, R& r) {
    if (v != "true" && v != "false") return false;
    r.query.overdue = v == "true";
    return true;
}

template <class R>
bool read_item_zone(std::string_view v, R& r) {
    return bool(r.query.zone_id = positive_integer(v));
}

template <class R>
bool read_item_city(std::string_view v, R& r) {
    return bool(r.query.city_code = city_code_param(v));
}

template <class R>
constexpr ParamSpec<R> kItemParams[] = {
    {"status",
     read_item_status<R>,
     {"须为 open、in_progress、resolved、closed、reopened 之一",
      "must be one of open, in_progress, resolved, closed, reopened"}},
    {"category",
     read_item_category<R>,
     {"须为 land、planning_approval、financing、utilities、labour、environment、other 之一",
      "must be one of land, planning_approval, financing, utilities, labour, environment, other"}},
    {"level", read_item_level<R>, {"须为 zone、city、province 之一", "must be one of zone, city, province"}},
    {"overdue", read_item_overdue<R>, {"须为 true 或 false", "must be true or false"}},
    {"zone", read_item_zone<R>, {"须为正整数", "must be a positive integer"}},
    {"city", read_item_city<R>, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
};

// An export takes `lang`, which says the workbook's language too.
template <class R>
constexpr ParamSpec<R> kItemExportParams[] = {
    {"lang", read_export_lang<R>, {"须为 zh 或 en", "must be zh or en"}},
};

}  // namespace

std::variant<CoordinationListRequest, Problem> parse_coordination_list(const QueryParams& params) {
    using R = CoordinationListRequest;
    R out;
    std::vector<FieldError> errors;
    read_list_params<R>(params, kItemParams<R>, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

std::variant<CoordinationExportRequest, Problem> parse_coordination_export(const QueryParams& params) {
    using E = CoordinationExportRequest;
    E out;
    std::vector<FieldError> errors;
    const ParamTable<E> tables[] = {kItemParams<E>, kItemExportParams<E>};
    read_params<E>(params, tables, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

}  // namespace sanpi::http
