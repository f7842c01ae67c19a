// Warning lights as JSON, and the body of PUT /warning-rules.
#include "http/codec_warnings.hpp"

#include <limits>
#include <string>

#include "http/codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

json::array counts_json(const std::vector<store::WarningCount>& counts) {
    json::array out;
    for (const auto& c : counts) out.push_back(json::object{{"key", c.key}, {"red", c.red}, {"yellow", c.yellow}});
    return out;
}

json::object warning_item_json(const store::WarningItem& item, Lang lang) {
    return {{"project_id", item.project_id},
            {"code", item.code},
            {"name", item.name},
            {"zone_id", item.zone_id},
            {"zone_name", item.zone_name},
            {"city_code", item.city_code},
            {"industry_code", item.industry_code},
            {"stage", domain::to_string(item.stage)},
            {"light", domain::to_string(item.light)},
            {"reasons", reasons_json(item.reasons, lang)},
            {"since", item.since.iso()}};
}

Problem bad_rules(std::vector<FieldError> fields) {
    return bad_request({"预警规则的设置有缺失、类型错误或未知项", "the warning rules' settings are missing, mistyped or unknown"},
                       std::move(fields));
}

}  // namespace

json::array reasons_json(const std::vector<domain::LightReason>& reasons, Lang lang) {
    json::array out;
    for (const auto& r : reasons) {
        out.push_back(json::object{
            {"rule", domain::to_string(r.rule)},
            {"light", domain::to_string(r.light)},
            {"text", lang == Lang::kEn ? domain::reason_text_en(r) : domain::reason_text_zh(r)}});
    }
    return out;
}

json::object to_json(const store::WarningRulesRecord& record) {
    json::object settings;
    for (const auto& s : domain::warning_settings()) settings[s.name] = record.rules.*s.member;
    json::value by = nullptr;
    if (record.created_by) by = json::object{{"id", *record.created_by}, {"name", record.created_by_name}};
    json::value at = nullptr;
    if (record.created_at > 0) at = json::string(china_time(record.created_at));
    return {{"version", record.rules.version}, {"settings", std::move(settings)}, {"created_by", std::move(by)},
            {"created_at", std::move(at)}};
}

json::object warnings_json(const service::WarningList& list, Lang lang) {
    json::array items;
    for (const auto& item : list.page.items) items.push_back(warning_item_json(item, lang));
    const auto& c = list.counts;
    json::object counts{{"red", c.red},
                        {"yellow", c.yellow},
                        {"by_city", counts_json(c.by_city)},
                        {"by_zone", counts_json(c.by_zone)},
                        {"by_industry", counts_json(c.by_industry)},
                        {"by_rule", counts_json(c.by_rule)}};
    return {{"items", std::move(items)}, {"counts", std::move(counts)}};
}

json::object project_light_json(std::int64_t project_id, const service::ProjectLightView& view, Lang lang) {
    json::array history;
    for (const auto& h : view.history) {
        history.push_back(json::object{{"from", domain::to_string(h.from)},
                                       {"to", domain::to_string(h.to)},
                                       {"on", h.on.iso()},
                                       {"rule_version", h.rule_version}});
    }
    return {{"project_id", project_id},
            {"light", domain::to_string(view.light)},
            {"reasons", reasons_json(view.reasons, lang)},
            {"since", date_json(view.since)},
            {"rule_version", view.rule_version},
            {"history", std::move(history)}};
}

std::variant<domain::WarningRules, Problem> decode_warning_rules(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    const auto& object = std::get<json::object>(parsed);
    std::vector<FieldError> errors;
    for (const auto& [key, value] : object) {
        if (key != "settings") errors.push_back({std::string(key), {"未知字段", "unknown field"}});
    }
    const auto* settings = object.if_contains("settings");
    if (!settings || !settings->is_object()) {
        errors.push_back({"settings", {"须为对象", "must be an object"}});
        return bad_rules(std::move(errors));
    }
    domain::WarningRules rules;
    std::vector<FieldError> out_of_range;
    for (const auto& s : domain::warning_settings()) {
        const auto* v = settings->as_object().if_contains(s.name);
        if (!v) {
            errors.push_back({std::string(s.name), {"缺少此项设置", "this setting is missing"}});
        } else if (!v->is_int64()) {
            errors.push_back({std::string(s.name), {"须为整数", "must be a whole number"}});
        } else if (v->as_int64() < std::numeric_limits<std::int32_t>::min() ||
                   v->as_int64() > std::numeric_limits<std::int32_t>::max()) {
            out_of_range.push_back({std::string(s.name), {"数值超出范围", "the number is out of range"}});
        } else {
            rules.*s.member = static_cast<std::int32_t>(v->as_int64());
        }
    }
    for (const auto& [key, value] : settings->as_object()) {
        bool known = false;
        for (const auto& s : domain::warning_settings()) known = known || s.name == key;
        if (!known) errors.push_back({"settings." + std::string(key), {"未知的设置", "unknown setting"}});
    }
    if (!errors.empty()) return bad_rules(std::move(errors));
    if (!out_of_range.empty()) return problem_for(Error::invalid(std::move(out_of_range)));
    return rules;
}

}  // namespace sanpi::http
