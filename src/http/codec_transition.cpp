// Request body -> TransitionRequest.
#include <string>

#include "domain/stage.hpp"
#include "http/codec.hpp"
#include "http/field_reader.hpp"
#include "http/finish_body.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

// The side statuses by the verb a user means; "resumed" returns the project to active.
constexpr std::pair<std::string_view, domain::ProjectStatus> kStatusTargets[] = {
    {"suspended", domain::ProjectStatus::kSuspended},
    {"resumed", domain::ProjectStatus::kActive},
    {"cancelled", domain::ProjectStatus::kCancelled},
};

std::optional<service::TransitionTarget> target_from_string(std::string_view text) {
    if (auto stage = domain::stage_from_string(text)) return service::TransitionTarget{*stage};
    for (const auto& [name, status] : kStatusTargets) {
        if (name == text) return service::TransitionTarget{status};
    }
    return std::nullopt;
}

// "to" is required but has no default, so it is collected apart from the request.
struct TransitionDraft {
    service::TransitionRequest request;
    std::optional<service::TransitionTarget> to;
    bool to_seen = false;
};

void read_to(FieldReader& r, const json::value& v, TransitionDraft& d) {
    d.to_seen = true;
    auto text = r.code(v, "to");
    if (!text) return;
    d.to = target_from_string(*text);
    if (!d.to) {
        r.invalid("to", "to 须为 reserve、signed、started、producing、at_capacity、suspended、resumed、cancelled 之一",
                  "to must be one of reserve, signed, started, producing, at_capacity, suspended, resumed, cancelled");
    }
}

void read_transition_field(FieldReader& r, std::string_view key, const json::value& v, TransitionDraft& d) {
    if (key == "to") {
        read_to(r, v, d);
    } else if (key == "date") {
        d.request.date = r.date(v, "date");
    } else if (key == "evidence") {
        d.request.evidence = r.string(v, "evidence").value_or("");
    } else if (key == "reason") {
        d.request.reason = r.string(v, "reason").value_or("");
    } else {
        r.wrong_type(key, "未知字段", "unknown field");
    }
}

}  // namespace

Decoded<service::TransitionRequest> decode_transition(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    TransitionDraft draft;
    for (const auto& [key, value] : std::get<json::object>(parsed)) read_transition_field(reader, key, value, draft);
    if (!draft.to_seen) reader.invalid("to", "须填写目标阶段或状态", "to is required");
    if (draft.to) draft.request.to = *draft.to;
    return finish_body(reader, std::move(draft.request));
}

}  // namespace sanpi::http
