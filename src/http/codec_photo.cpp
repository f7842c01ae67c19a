#include "http/codec.hpp"
#include "http/photo_codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

std::string photo_url(std::int64_t id) { return "/api/v1/photos/" + std::to_string(id); }

json::object to_json(const store::PhotoRecord& p) {
    json::value created_by = nullptr;
    if (p.created_by != 0) created_by = json::object{{"id", p.created_by}, {"name", p.created_by_name}};
    return {{"id", p.id},
            {"project_id", p.project_id},
            {"report_id", p.report_id ? json::value(*p.report_id) : json::value(nullptr)},
            {"change_id", p.stage_change_id ? json::value(*p.stage_change_id) : json::value(nullptr)},
            {"content_type", p.content_type},
            {"size", p.size},
            {"width", p.width},
            {"height", p.height},
            {"digest", p.digest},
            {"url", photo_url(p.id)},
            {"thumbnail_url", photo_url(p.id) + "/thumbnail"},
            {"created_at", china_time(p.created_at)},
            {"created_by", std::move(created_by)}};
}

json::array photos_json(const std::vector<store::PhotoRecord>& photos) {
    json::array out;
    out.reserve(photos.size());
    for (const auto& p : photos) out.push_back(to_json(p));
    return out;
}

}  // namespace sanpi::http
