// Request body -> ProjectPatch. One table lists every writable field and how to read it.
#include <algorithm>
#include <array>
#include <string>

#include "domain/stage.hpp"
#include "http/codec.hpp"
#include "http/codec_identity.hpp"
#include "http/field_reader.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

// Stage and status fields come in groups; they are checked together after all fields are read.
struct Draft {
    service::ProjectPatch patch;
    bool stage_seen = false, stage_date_seen = false, correction_seen = false;
    bool status_seen = false, status_reason_seen = false;
    std::optional<domain::Stage> stage;
    std::optional<domain::Date> stage_date;
    std::optional<std::string> correction_reason;
};

using Setter = void (*)(FieldReader&, const json::value&, Draft&);

struct FieldSpec {
    std::string_view name;
    Setter set;
};

template <class T>
service::Nullable<T> nullable(std::optional<T> value, bool was_null) {
    if (was_null) return std::optional<T>{};
    if (value) return std::optional<T>{std::move(*value)};
    return std::nullopt;
}

void read_planned(FieldReader& r, const json::value& v, Draft& d) {
    if (!v.is_object()) return r.wrong_type("planned", "须为对象", "must be an object");
    static constexpr std::array<std::pair<std::string_view, service::Nullable<domain::Date> service::ProjectPatch::*>,
                                4>
        kKeys{{{"sign", &service::ProjectPatch::planned_sign},
               {"start", &service::ProjectPatch::planned_start},
               {"production", &service::ProjectPatch::planned_production},
               {"capacity", &service::ProjectPatch::planned_capacity}}};
    for (const auto& [key, value] : v.get_object()) {
        std::string field = "planned." + std::string(key);
        // Named in an init-capture: Debian's clang 14 cannot capture a structured binding (C++20).
        auto it = std::find_if(kKeys.begin(), kKeys.end(), [&name = key](const auto& k) { return k.first == name; });
        if (it == kKeys.end()) {
            r.wrong_type(field, "未知字段", "unknown field");
            continue;
        }
        d.patch.*(it->second) = nullable(value.is_null() ? std::nullopt : r.date(value, field), value.is_null());
    }
}

void read_stage(FieldReader& r, const json::value& v, Draft& d) {
    d.stage_seen = true;
    auto text = r.code(v, "stage");
    if (!text) return;
    d.stage = domain::stage_from_string(*text);
    if (!d.stage) {
        r.invalid("stage", "阶段须为 reserve、signed、started、producing、at_capacity 之一",
                  "stage must be one of reserve, signed, started, producing, at_capacity");
    }
}

void read_status(FieldReader& r, const json::value& v, Draft& d) {
    d.status_seen = true;
    auto text = r.code(v, "status");
    if (!text) return;
    d.patch.status = domain::project_status_from_string(*text);
    if (!d.patch.status) {
        r.invalid("status", "状态须为 active、suspended、cancelled 之一",
                  "status must be one of active, suspended, cancelled");
    }
}

void read_chain_node(FieldReader& r, const json::value& v, Draft& d) {
    d.patch.chain_node_id = nullable(v.is_null() ? std::nullopt : r.positive_id(v, "chain_node_id"), v.is_null());
}

constexpr FieldSpec kFields[] = {
    {"code", [](FieldReader& r, const json::value& v, Draft& d) { d.patch.code = r.code(v, "code"); }},
    {"name", [](FieldReader& r, const json::value& v, Draft& d) { d.patch.name = r.string(v, "name"); }},
    {"zone_id", [](FieldReader& r, const json::value& v, Draft& d) { d.patch.zone_id = r.positive_id(v, "zone_id"); }},
    {"investor_ids",
     [](FieldReader& r, const json::value& v, Draft& d) { d.patch.investor_ids = r.id_list(v, "investor_ids"); }},
    {"industry", [](FieldReader& r, const json::value& v, Draft& d) { d.patch.industry_code = r.code(v, "industry"); }},
    {"chain_node_id", read_chain_node},
    {"total_investment",
     [](FieldReader& r, const json::value& v, Draft& d) { d.patch.total_investment = r.money(v, "total_investment"); }},
    {"construction_content", [](FieldReader& r, const json::value& v,
                                Draft& d) { d.patch.construction_content = r.string(v, "construction_content"); }},
    {"planned", read_planned},
    {"annual_planned_investment",
     [](FieldReader& r, const json::value& v, Draft& d) {
         d.patch.annual_planned_investment = r.money(v, "annual_planned_investment");
     }},
    {"expected_output_value", [](FieldReader& r, const json::value& v,
                                 Draft& d) { d.patch.expected_output_value = r.money(v, "expected_output_value"); }},
    {"expected_tax",
     [](FieldReader& r, const json::value& v, Draft& d) { d.patch.expected_tax = r.money(v, "expected_tax"); }},
    {"expected_jobs",
     [](FieldReader& r, const json::value& v, Draft& d) { d.patch.expected_jobs = r.count(v, "expected_jobs"); }},
    {"land_area_mu",
     [](FieldReader& r, const json::value& v, Draft& d) { d.patch.land_area_centimu = r.centimu(v, "land_area_mu"); }},
    {"responsible_unit", [](FieldReader& r, const json::value& v,
                            Draft& d) { d.patch.responsible_unit = r.string(v, "responsible_unit"); }},
    {"responsible_post", [](FieldReader& r, const json::value& v,
                            Draft& d) { d.patch.responsible_post = r.string(v, "responsible_post"); }},
    {"tags", [](FieldReader& r, const json::value& v, Draft& d) { d.patch.tags = r.string_list(v, "tags"); }},
    {"stage", read_stage},
    {"stage_date",
     [](FieldReader& r, const json::value& v, Draft& d) {
         d.stage_date_seen = true;
         d.stage_date = r.date(v, "stage_date");
     }},
    {"correction_reason",
     [](FieldReader& r, const json::value& v, Draft& d) {
         d.correction_seen = true;
         d.correction_reason = r.string(v, "correction_reason");
     }},
    {"status", read_status},
    {"status_reason",
     [](FieldReader& r, const json::value& v, Draft& d) {
         d.status_reason_seen = true;
         d.patch.status_reason = r.string(v, "status_reason").value_or("");
     }},
};

// Fields the server computes; a client sending them has misunderstood the API.
constexpr std::string_view kReadOnly[] = {"id",        "version", "zone_name", "region_code",   "city_code",
                                          "investors", "actual",  "synthetic", "stage_history", "national_code_legacy"};

// A stage move needs its date; a reason or a date alone means the client forgot the stage.
void finish_groups(FieldReader& r, Draft& d) {
    if (d.stage_seen && !d.stage_date_seen) {
        r.invalid("stage_date", "变更阶段时须填写实际日期", "stage_date is required when stage is given");
    }
    if (!d.stage_seen && (d.stage_date_seen || d.correction_seen)) {
        r.invalid("stage", "填写了阶段日期或更正原因，但未填写阶段",
                  "stage is required with stage_date or correction_reason");
    }
    if (!d.status_seen && d.status_reason_seen) {
        r.invalid("status", "填写了状态原因，但未填写状态", "status is required with status_reason");
    }
    if (d.stage && d.stage_date) d.patch.stage_move = domain::StageMove{*d.stage, *d.stage_date, d.correction_reason};
}

void read_field(FieldReader& r, std::string_view key, const json::value& value, Draft& d) {
    for (const auto& spec : kFields) {
        if (spec.name == key) return spec.set(r, value, d);
    }
    if (read_identity_field(r, key, value, d.patch)) return;
    if (std::find(std::begin(kReadOnly), std::end(kReadOnly), key) != std::end(kReadOnly)) {
        return r.wrong_type(key, "只读字段，不能修改", "read-only field");
    }
    r.wrong_type(key, "未知字段", "unknown field");
}

}  // namespace

Decoded<service::ProjectPatch> decode_project_patch(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    Draft draft;
    for (const auto& [key, value] : std::get<json::object>(parsed)) read_field(reader, key, value, draft);
    finish_groups(reader, draft);
    if (!reader.malformed().empty()) {
        auto fields = reader.malformed();
        fields.insert(fields.end(), reader.invalid().begin(), reader.invalid().end());
        return bad_request({"请求体中有字段类型错误、未知字段或只读字段",
                            "the body has fields of the wrong type, unknown fields or read-only fields"},
                           std::move(fields));
    }
    if (!reader.ok()) return problem_for(Error::invalid(reader.invalid()));
    return std::move(draft.patch);
}

Decoded<json::object> parse_object(std::string_view body) {
    boost::system::error_code ec;
    json::value value = json::parse(body, ec);  // rejects invalid UTF-8 and nesting deeper than 32
    if (ec) {
        return bad_request({"请求体不是有效的 JSON（UTF-8）", "the request body is not valid JSON (UTF-8)"},
                           {{"body", {"JSON 语法错误", "JSON syntax error"}}});
    }
    if (!value.is_object()) {
        return bad_request({"请求体须为 JSON 对象", "the request body must be a JSON object"},
                           {{"body", {"须为对象", "must be an object"}}});
    }
    return std::move(value.get_object());
}

Error with_api_field_names(Error error) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"industry_code", "industry"},
        {"land_area_centimu", "land_area_mu"},
        {"investor_names", "investors"},
    };
    for (auto& f : error.fields) {
        for (const auto& [from, to] : kNames) {
            if (f.field == from) f.field = std::string(to);
        }
    }
    return error;
}

}  // namespace sanpi::http
