#include "http/notice_query.hpp"

#include <string>

namespace sanpi::http {

namespace {

using NoticeParams = NoticeListRequest;

bool read_notice_status(std::string_view v, NoticeParams& r) {
    return bool(r.query.status = domain::notice_status_from_string(v));
}
bool read_notice_level(std::string_view v, NoticeParams& r) {
    return bool(r.query.level = domain::notice_level_from_string(v));
}
bool read_notice_target(std::string_view v, NoticeParams& r) {
    return bool(r.query.target = domain::notice_target_from_string(v));
}
bool read_notice_overdue(std::string_view v, NoticeParams& r) {
    if (v != "true" && v != "false") return false;
    r.query.overdue = v == "true";
    return true;
}
bool read_notice_project(std::string_view v, NoticeParams& r) { return bool(r.query.project_id = positive_integer(v)); }
bool read_notice_zone(std::string_view v, NoticeParams& r) { return bool(r.query.zone_id = positive_integer(v)); }
bool read_notice_city(std::string_view v, NoticeParams& r) { return bool(r.query.city_code = city_code_param(v)); }

constexpr ParamSpec<NoticeParams> kNoticeParams[] = {
    {"status", read_notice_status, {"须为 issued、responded 或 closed", "must be issued, responded or closed"}},
    {"level", read_notice_level, {"须为 city 或 province", "must be city or province"}},
    {"overdue", read_notice_overdue, {"须为 true 或 false", "must be true or false"}},
    {"target",
     read_notice_target,
     {"须为 project、coordination_item 或 zone", "must be project, coordination_item or zone"}},
    {"project", read_notice_project, {"须为正整数", "must be a positive integer"}},
    {"zone", read_notice_zone, {"须为正整数", "must be a positive integer"}},
    {"city", read_notice_city, {"须为市级行政区划代码（如 140100）", "must be a city division code such as 140100"}},
};

}  // namespace

std::variant<NoticeListRequest, Problem> parse_notice_list(const QueryParams& params) {
    NoticeParams out;
    std::vector<FieldError> errors;
    read_list_params<NoticeParams>(params, kNoticeParams, out, errors);
    if (!errors.empty()) return bad_list_params(std::move(errors));
    out.query.offset = (out.page - 1) * out.page_size;
    out.query.limit = out.page_size;
    return out;
}

}  // namespace sanpi::http
