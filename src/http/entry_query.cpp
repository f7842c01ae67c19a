#include "http/entry_query.hpp"

#include "domain/campaign.hpp"
#include "http/export_params.hpp"

namespace sanpi::http {

namespace {

// Each reader stores the parameter in the request's query (the list's and the export's alike).
template <class Q>
bool read_batch(std::string_view v, Q& r) {
    return bool(r.query.batch = domain::batch_kind_from_string(v));
}

template <class Q>
bool read_entry_city(std::string_view v, Q& r) {
    return bool(r.query.city_code = city_code_param(v));
}

template <class Q>
bool read_entry_zone(std::string_view v, Q& r) {
    return bool(r.query.zone_id = positive_integer(v));
}

template <class Q>
bool read_entry_status(std::string_view v, Q& r) {
    return bool(r.query.status = domain::entry_status_from_string(v));
}

template <class Q>
constexpr ParamSpec<Q> kEntryParams[] = {
    {"batch", read_batch<Q>, {"须为 sign、start、produce 之一", "must be one of sign, start, produce"}},
    {"city", read_entry_city<Q>, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
    {"zone", read_entry_zone<Q>, {"须为正整数", "must be a positive integer"}},
    {"status",
     read_entry_status<Q>,
     {"须为 proposed、confirmed、withdrawn 之一", "must be one of proposed, confirmed, withdrawn"}},
};

}  // namespace

std::variant<EntriesRequest, Problem> parse_entries_request(const QueryParams& params, std::int64_t campaign_id) {
    EntriesRequest out;
    out.query.campaign_id = campaign_id;
    std::vector<FieldError> errors;
    read_list_params<EntriesRequest>(params, kEntryParams<EntriesRequest>, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

std::variant<EntriesExportRequest, Problem> parse_entries_export(const QueryParams& params, std::int64_t campaign_id) {
    using E = EntriesExportRequest;
    E out;
    out.query.campaign_id = campaign_id;
    std::vector<FieldError> errors;
    const ParamTable<E> tables[] = {kEntryParams<E>, kExportParams<E>};
    read_params<E>(params, tables, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

}  // namespace sanpi::http
