// Monthly progress reports as JSON, and their request bodies.
#include <array>
#include <string>

#include "http/field_reader.hpp"
#include "http/finish_body.hpp"
#include "http/photo_codec.hpp"
#include "http/report_codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kChinaOffsetSeconds = 8 * 3600;

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Unix seconds as China Standard Time, where every user works: "2022-08-05T09:30:00+08:00".
json::value timestamp_json(std::optional<store::Timestamp> t) {
    if (!t) return nullptr;
    const std::int64_t local = *t + kChinaOffsetSeconds;
    std::int64_t days = local / kSecondsPerDay, secs = local % kSecondsPerDay;
    if (secs < 0) {
        secs += kSecondsPerDay;
        --days;
    }
    const auto date = domain::Date::from_days(static_cast<std::int32_t>(days));
    return json::string(date.iso() + "T" + two_digits(secs / 3600) + ":" + two_digits(secs / 60 % 60) + ":" +
                        two_digits(secs % 60) + "+08:00");
}

json::value person_json(std::optional<std::int64_t> id, const std::string& name) {
    if (!id) return nullptr;
    return json::object{{"id", *id}, {"name", name}};
}

json::value text_json(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return json::string(*text);
}

json::object figures_json(const domain::Cumulative& c) {
    return {{"investment_completed", money_json(c.investment)}, {"capital_arrived", money_json(c.capital)}};
}

}  // namespace

json::object to_json(const service::ReportDetail& d) {
    const store::ReportView& v = d.view;
    const store::ReportRecord& rec = v.record;
    const domain::ProgressReport& r = rec.report;
    json::object out{{"id", r.id},
                     {"project_id", r.project_id},
                     {"project_code", v.project_code},
                     {"project_name", v.project_name},
                     {"zone_id", v.zone_id},
                     {"zone_name", v.zone_name},
                     {"city_code", v.city_code},
                     {"month", r.month.to_string()}};
    out["investment_completed"] = money_json(r.investment_completed);
    out["capital_arrived"] = money_json(r.capital_arrived);
    out["progress_text"] = r.progress_text;
    out["percent_complete"] = r.percent_complete;
    out["jobs"] = r.jobs;
    out["status"] = domain::to_string(r.status);
    out["confirmation_note"] = text_json(r.confirmation_note);
    out["return_reason"] = text_json(r.return_reason);
    out["cumulative"] = json::object{{"through", r.month.to_string()},
                                     {"official", figures_json(d.official)},
                                     {"including_unapproved", figures_json(d.including_unapproved)}};
    out["created_by"] = person_json(rec.created_by, v.created_by_name);
    out["created_at"] = timestamp_json(rec.created_at);
    out["submitted_by"] = person_json(r.submitted_by, v.submitted_by_name);
    out["submitted_at"] = timestamp_json(rec.submitted_at);
    out["approved_by"] = person_json(r.approved_by, v.approved_by_name);
    out["approved_at"] = timestamp_json(rec.approved_at);
    out["returned_by"] = person_json(rec.returned_by, v.returned_by_name);
    out["returned_at"] = timestamp_json(rec.returned_at);
    out["version"] = r.version;
    // Details only (lists leave photos out): their metadata; the bytes are at each photo's url.
    if (d.photos) out["photos"] = photos_json(*d.photos);
    return out;
}

json::object to_json(const service::MissingReport& m) {
    const domain::Project& p = m.project.project;
    return {{"project_id", p.id},
            {"project_code", p.code},
            {"project_name", p.name},
            {"zone_id", p.zone_id},
            {"zone_name", m.project.zone_name},
            {"city_code", m.project.city_code},
            {"stage", domain::to_string(p.stage)},
            {"status", domain::to_string(p.status)},
            {"draft_id", m.draft_id ? json::value(*m.draft_id) : json::value(nullptr)}};
}

namespace {

void read_field(FieldReader& r, std::string_view key, const json::value& v, service::ReportInput& in) {
    if (key == "month") {
        if (auto text = r.string(v, "month")) {
            auto month = domain::Month::parse(*text);
            if (month) {
                in.month = *month;
            } else {
                r.invalid(month.error(), "month");
            }
        }
    } else if (key == "investment_completed") {
        in.investment_completed = r.money(v, key);
    } else if (key == "capital_arrived") {
        in.capital_arrived = r.money(v, key);
    } else if (key == "progress_text") {
        in.progress_text = r.string(v, key);
    } else if (key == "percent_complete") {
        in.percent_complete = r.count(v, key);
    } else if (key == "jobs") {
        in.jobs = r.count(v, key);
    } else if (key == "confirmation_note") {
        if (v.is_null()) {
            in.confirmation_note = std::optional<std::string>();  // clears the note
        } else if (auto text = r.string(v, key)) {
            in.confirmation_note = std::optional<std::string>(std::move(*text));
        }
    } else {
        r.wrong_type(key, "未知字段或只读字段", "unknown or read-only field");
    }
}

}  // namespace

Decoded<service::ReportInput> decode_report_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::ReportInput input;
    for (const auto& [key, value] : std::get<json::object>(parsed)) read_field(reader, key, value, input);
    return finish_body(reader, std::move(input));
}

Decoded<std::string> decode_reason(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    std::string reason;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "reason") {
            reason = reader.string(value, "reason").value_or("");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    return finish_body(reader, std::move(reason));
}

Error with_report_field_names(Error error) {
    for (auto& f : error.fields) {
        if (f.field == "return_reason") f.field = "reason";
    }
    return error;
}

}  // namespace sanpi::http
