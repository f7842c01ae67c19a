#include "http/campaign_entries_query.hpp"

#include <string_view>

namespace sanpi::http {

namespace {

using EntriesRequest = CampaignEntriesRequest;

bool read_batch(std::string_view v, EntriesRequest& r) {
    return bool(r.query.batch = domain::batch_kind_from_string(v));
}
bool read_entry_city(std::string_view v, EntriesRequest& r) { return bool(r.query.city_code = city_code_param(v)); }
bool read_entry_zone(std::string_view v, EntriesRequest& r) { return bool(r.query.zone_id = positive_integer(v)); }

constexpr ParamSpec<EntriesRequest> kEntryParams[] = {
    {"batch", read_batch, {"须为 sign、start、produce 之一", "must be one of sign, start, produce"}},
    {"city", read_entry_city, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
    {"zone", read_entry_zone, {"须为正整数", "must be a positive integer"}},
};

}  // namespace

std::variant<CampaignEntriesRequest, Problem> parse_campaign_entries(const QueryParams& params,
                                                                     std::int64_t campaign_id) {
    CampaignEntriesRequest out;
    out.query.campaign_id = campaign_id;
    std::vector<FieldError> errors;
    read_list_params<EntriesRequest>(params, kEntryParams, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

}  // namespace sanpi::http
