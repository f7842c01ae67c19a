// Request bodies of the campaign writes and the changes since a hold (docs/api.md, Campaigns).
#include "http/codec.hpp"
#include "http/field_reader.hpp"
#include "http/finish_body.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

std::optional<int> campaign_small_number(FieldReader& reader, const json::value& v, const std::string& field) {
    auto n = reader.count(v, field);
    if (!n) return std::nullopt;
    return static_cast<int>(*n);
}

std::optional<domain::Venue> read_campaign_venue(FieldReader& reader, const json::value& v, const std::string& at) {
    if (!v.is_object()) {
        reader.wrong_type(at, "须为对象", "must be an object");
        return std::nullopt;
    }
    domain::Venue venue;
    bool named = false, placed = false;
    for (const auto& [key, value] : v.get_object()) {
        const std::string field = at + "." + std::string(key);
        if (key == "name") {
            venue.name = reader.string(value, field).value_or("");
            named = true;
        } else if (key == "region_code") {
            venue.region_code = reader.code(value, field).value_or("");
            placed = true;
        } else if (key == "main") {
            if (value.is_bool()) {
                venue.main = value.get_bool();
            } else {
                reader.wrong_type(field, "须为 true 或 false", "must be true or false");
            }
        } else if (key == "zone_id") {
            if (!value.is_null()) venue.zone_id = reader.positive_id(value, field);
        } else {
            reader.wrong_type(field, "未知字段", "unknown field");
        }
    }
    if (!named) reader.invalid(at + ".name", "必填", "is required");
    if (!placed) reader.invalid(at + ".region_code", "必填", "is required");
    return venue;
}

void read_campaign_venues(FieldReader& reader, const json::value& v, service::CampaignDraft& draft) {
    if (!v.is_array()) {
        reader.wrong_type("venues", "须为数组", "must be an array");
        return;
    }
    std::vector<domain::Venue> venues;
    for (std::size_t i = 0; i < v.get_array().size(); ++i) {
        if (auto venue = read_campaign_venue(reader, v.get_array()[i], "venues[" + std::to_string(i) + "]")) {
            venues.push_back(std::move(*venue));
        }
    }
    draft.venues = std::move(venues);
}

}  // namespace

Decoded<service::CampaignDraft> decode_campaign_draft(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::CampaignDraft draft;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "name") {
            draft.name = reader.string(value, "name");
        } else if (key == "date") {
            draft.date = reader.date(value, "date");
        } else if (key == "year") {
            draft.year = campaign_small_number(reader, value, "year");
        } else if (key == "sequence") {
            draft.sequence = campaign_small_number(reader, value, "sequence");
        } else if (key == "venues") {
            read_campaign_venues(reader, value, draft);
        } else if (key == "status") {
            auto text = reader.string(value, "status");
            if (text) {
                draft.status = domain::campaign_status_from_string(*text);
                if (!draft.status) reader.invalid("status", "须为 planning、held、closed 之一", "must be one of planning, held, closed");
            }
        } else if (key == "id" || key == "version" || key == "held_on") {
            reader.wrong_type(key, "只读字段", "read-only field");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    return finish_body(reader, std::move(draft));
}

Decoded<CampaignEntryInput> decode_campaign_entry(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    CampaignEntryInput input;
    std::optional<std::int64_t> project;
    std::optional<domain::BatchKind> batch;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "project_id") {
            project = reader.positive_id(value, "project_id");
        } else if (key == "batch") {
            auto text = reader.string(value, "batch");
            if (text) {
                batch = domain::batch_kind_from_string(*text);
                if (!batch) reader.invalid("batch", "须为 sign、start、produce 之一", "must be one of sign, start, produce");
            }
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (!std::get<json::object>(parsed).contains("project_id")) reader.invalid("project_id", "必填", "is required");
    if (!std::get<json::object>(parsed).contains("batch")) reader.invalid("batch", "必填", "is required");
    input.project_id = project.value_or(0);
    input.batch = batch.value_or(domain::BatchKind::kSign);
    return finish_body(reader, input);
}

json::object to_json(const domain::CampaignChanges& changes) {
    json::array batches;
    for (const auto& b : changes.batches) {
        batches.push_back(json::object{{"batch", domain::to_string(b.batch)},
                                       {"projects_counted", b.projects_counted},
                                       {"total_investment_counted", money_json(b.investment_counted)},
                                       {"projects_now", b.projects_now},
                                       {"total_investment_now", money_json(b.investment_now)}});
    }
    json::array entries;
    for (const auto& e : changes.entries) {
        entries.push_back(json::object{
            {"project_id", e.entry.project_id},
            {"batch", domain::to_string(e.entry.batch)},
            {"status", domain::to_string(e.entry.status)},
            {"reason", e.entry.reason},
            {"project_name", e.project_name},
            {"counted", json::object{{"zone_id", e.entry.zone_id},
                                     {"industry", e.entry.industry_code},
                                     {"total_investment", money_json(e.entry.investment)}}},
            {"now", json::object{{"zone_id", e.zone_id_now},
                                 {"industry", e.industry_now},
                                 {"total_investment", money_json(e.investment_now)},
                                 {"stage", domain::to_string(e.stage_now)},
                                 {"status", domain::to_string(e.status_now)}}}});
    }
    return {{"campaign", to_json(changes.campaign)},
            {"batches", std::move(batches)},
            {"changed", changes.changed},
            {"entries", std::move(entries)}};
}

}  // namespace sanpi::http
