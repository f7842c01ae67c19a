// Supervision notices as JSON, and the bodies that issue one, take a step or change the ladder.
#include "http/codec_notices.hpp"

#include <limits>
#include <string>

#include "http/codec.hpp"
#include "http/field_reader.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

json::value notice_person(const std::optional<std::int64_t>& id, const std::string& name) {
    if (!id) return nullptr;
    return json::object{{"id", *id}, {"name", name}};
}

json::value notice_optional_id(const std::optional<std::int64_t>& id) {
    return id ? json::value(*id) : json::value(nullptr);
}

std::int64_t notice_target_id(const domain::Notice& n) {
    switch (n.target) {
        case domain::NoticeTarget::kProject:
            return n.project_id.value_or(0);
        case domain::NoticeTarget::kCoordinationItem:
            return n.coordination_item_id.value_or(0);
        case domain::NoticeTarget::kZone:
            return n.zone_id;
    }
    return 0;
}

json::array notice_history_json(const std::vector<store::NoticeEvent>& events) {
    json::array out;
    for (const auto& e : events) {
        out.push_back(json::object{{"id", e.id},
                                   {"step", domain::to_string(e.step)},
                                   {"by", notice_person(e.user_id, e.user_name)},
                                   {"at", china_time(e.at)},
                                   {"text", optional_text(e.text)},
                                   {"deadline", date_json(e.deadline)},
                                   {"level", domain::to_string(e.level)}});
    }
    return out;
}

Problem bad_notice_body(std::vector<FieldError> fields) {
    return bad_request({"请求体中有字段类型错误或未知字段", "the body has fields of the wrong type or unknown fields"},
                       std::move(fields));
}

// Malformed fields: 400 (with the invalid ones too); invalid only: 422.
std::optional<Problem> notice_reader_problem(const FieldReader& reader) {
    if (!reader.malformed().empty()) {
        auto fields = reader.malformed();
        fields.insert(fields.end(), reader.invalid().begin(), reader.invalid().end());
        return bad_notice_body(std::move(fields));
    }
    if (!reader.ok()) return problem_for(Error::invalid(reader.invalid()));
    return std::nullopt;
}

}  // namespace

json::object notice_json(const service::NoticeView& view, bool with_history) {
    const auto& r = view.record;
    const auto& n = r.notice;
    json::array allowed;
    for (auto s : view.allowed) allowed.emplace_back(domain::to_string(s));
    json::object out{{"id", n.id},
                     {"target", domain::to_string(n.target)},
                     {"target_id", notice_target_id(n)},
                     {"project_id", notice_optional_id(n.project_id)},
                     {"project_code", r.project_code},
                     {"project_name", r.project_name},
                     {"coordination_item_id", notice_optional_id(n.coordination_item_id)},
                     {"item_description", r.item_description},
                     {"zone_id", n.zone_id},
                     {"zone_name", r.zone_name},
                     {"city_code", r.city_code},
                     {"level", domain::to_string(n.level)},
                     {"status", domain::to_string(n.status)},
                     {"problem", n.problem},
                     {"action_requested", n.action_requested},
                     {"deadline", n.deadline.iso()},
                     {"overdue", view.overdue},
                     {"escalated_on", date_json(n.escalated_on)},
                     {"ladder_step", n.ladder_step ? json::value(domain::to_string(*n.ladder_step)) : nullptr},
                     {"ladder_since", date_json(n.ladder_since)},
                     {"issued_by", notice_person(n.issued_by, r.issued_by_name)},
                     {"issued_at", china_time(r.issued_at)},
                     {"updated_at", china_time(r.updated_at)},
                     {"version", n.version},
                     {"allowed_actions", std::move(allowed)}};
    if (with_history) out["history"] = notice_history_json(view.history);
    return out;
}

json::object notices_json(const service::NoticeList& list) {
    json::array items;
    for (const auto& v : list.page.items) items.push_back(notice_json(v, false));
    const auto& c = list.counts;
    return {{"items", std::move(items)},
            {"counts", json::object{{"issued", c.issued},
                                    {"responded", c.responded},
                                    {"closed", c.closed},
                                    {"open", c.issued + c.responded},
                                    {"overdue", c.overdue}}}};
}

json::object to_json(const store::EscalationLadderRecord& record) {
    json::object settings;
    for (const auto& s : domain::ladder_settings()) settings[s.name] = record.ladder.*s.member;
    json::value by = nullptr;
    if (record.created_by) by = json::object{{"id", *record.created_by}, {"name", record.created_by_name}};
    json::value at = nullptr;
    if (record.created_at > 0) at = json::string(china_time(record.created_at));
    return {{"version", record.ladder.version},
            {"settings", std::move(settings)},
            {"created_by", std::move(by)},
            {"created_at", std::move(at)}};
}

std::variant<service::NoticeInput, Problem> decode_notice_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    FieldReader reader;
    service::NoticeInput in;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "target") {
            auto text = reader.code(value, "target");
            if (text && !(in.target = domain::notice_target_from_string(*text))) {
                reader.invalid("target", "须为 project、coordination_item 或 zone 之一",
                               "must be one of project, coordination_item, zone");
            }
        } else if (key == "target_id") {
            in.target_id = reader.positive_id(value, "target_id");
        } else if (key == "problem") {
            in.problem = reader.string(value, "problem");
        } else if (key == "action_requested") {
            in.action_requested = reader.string(value, "action_requested");
        } else if (key == "deadline") {
            in.deadline = reader.date(value, "deadline");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (auto p = notice_reader_problem(reader)) return *p;
    return in;
}

std::variant<service::NoticeStepInput, Problem> decode_notice_step(std::string_view body, domain::NoticeStep step) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    const std::string_view text_field = step == domain::NoticeStep::kRespond   ? "response"
                                        : step == domain::NoticeStep::kComment ? "comment"
                                        : step == domain::NoticeStep::kClose   ? "note"
                                                                               : "reason";
    FieldReader reader;
    service::NoticeStepInput in;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == text_field) {
            in.text = reader.string(value, text_field);
        } else if (key == "deadline" && step == domain::NoticeStep::kReopen) {
            if (!value.is_null()) in.deadline = reader.date(value, "deadline");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (auto p = notice_reader_problem(reader)) return *p;
    return in;
}

std::variant<domain::EscalationLadder, Problem> decode_escalation_ladder(std::string_view body) {
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
        return bad_request({"督办升级规则的设置有缺失、类型错误或未知项",
                            "the escalation ladder's settings are missing, mistyped or unknown"},
                           std::move(errors));
    }
    domain::EscalationLadder ladder;
    std::vector<FieldError> out_of_range;
    for (const auto& s : domain::ladder_settings()) {
        const auto* v = settings->as_object().if_contains(s.name);
        if (!v) {
            errors.push_back({std::string(s.name), {"缺少此项设置", "this setting is missing"}});
        } else if (!v->is_int64()) {
            errors.push_back({std::string(s.name), {"须为整数", "must be a whole number"}});
        } else if (v->as_int64() < std::numeric_limits<std::int32_t>::min() ||
                   v->as_int64() > std::numeric_limits<std::int32_t>::max()) {
            out_of_range.push_back({std::string(s.name), {"数值超出范围", "the number is out of range"}});
        } else {
            ladder.*s.member = static_cast<std::int32_t>(v->as_int64());
        }
    }
    for (const auto& [key, value] : settings->as_object()) {
        bool known = false;
        for (const auto& s : domain::ladder_settings()) known = known || s.name == key;
        if (!known) errors.push_back({"settings." + std::string(key), {"未知的设置", "unknown setting"}});
    }
    if (!errors.empty()) {
        return bad_request({"督办升级规则的设置有缺失、类型错误或未知项",
                            "the escalation ladder's settings are missing, mistyped or unknown"},
                           std::move(errors));
    }
    if (!out_of_range.empty()) return problem_for(Error::invalid(std::move(out_of_range)));
    return ladder;
}

}  // namespace sanpi::http
