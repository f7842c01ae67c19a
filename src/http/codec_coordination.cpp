// Coordination items as JSON, and the body that raises or changes one.
#include <algorithm>
#include <string>

#include "domain/coordination_workflow.hpp"
#include "http/codec.hpp"
#include "http/field_reader.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

json::array next_statuses_json(domain::CoordinationStatus from) {
    json::array out;
    for (auto s : domain::next_statuses(from)) out.emplace_back(domain::to_string(s));
    return out;
}

// The enum fields: a known name, else a 422 listing the names.
template <class E>
std::optional<E> read_name(FieldReader& r, const json::value& v, std::string_view field,
                           std::optional<E> (*parse)(std::string_view), std::string_view names) {
    auto text = r.code(v, field);
    if (!text) return std::nullopt;
    auto value = parse(*text);
    if (!value) {
        r.invalid(field, std::string(field) + " 须为 " + std::string(names) + " 之一",
                  std::string(field) + " must be one of " + std::string(names));
    }
    return value;
}

using Setter = void (*)(FieldReader&, const json::value&, service::CoordinationInput&);

struct FieldSpec {
    std::string_view name;
    Setter set;
};

constexpr FieldSpec kFields[] = {
    {"category",
     [](FieldReader& r, const json::value& v, service::CoordinationInput& in) {
         in.category = read_name(r, v, "category", domain::coordination_category_from_string,
                                 "land, planning_approval, financing, utilities, labour, environment, other");
     }},
    {"description", [](FieldReader& r, const json::value& v,
                       service::CoordinationInput& in) { in.description = r.string(v, "description"); }},
    {"level",
     [](FieldReader& r, const json::value& v, service::CoordinationInput& in) {
         in.level = read_name(r, v, "level", domain::coordination_level_from_string, "zone, city, province");
     }},
    {"responsible_department",
     [](FieldReader& r, const json::value& v, service::CoordinationInput& in) {
         in.responsible_department = r.string(v, "responsible_department");
     }},
    {"deadline",
     [](FieldReader& r, const json::value& v, service::CoordinationInput& in) { in.deadline = r.date(v, "deadline"); }},
    {"status",
     [](FieldReader& r, const json::value& v, service::CoordinationInput& in) {
         in.status = read_name(r, v, "status", domain::coordination_status_from_string,
                               "open, in_progress, resolved, closed, reopened");
     }},
    {"resolution", [](FieldReader& r, const json::value& v,
                      service::CoordinationInput& in) { in.resolution = r.string(v, "resolution"); }},
    {"reopen_reason", [](FieldReader& r, const json::value& v,
                         service::CoordinationInput& in) { in.reopen_reason = r.string(v, "reopen_reason"); }},
};

// Fields the server keeps or computes; a client sending them has misunderstood the API.
constexpr std::string_view kReadOnly[] = {"id",         "project_id", "project_code", "project_name",  "zone_id",
                                          "zone_name",  "city_code",  "overdue",      "next_statuses", "created_by",
                                          "created_at", "updated_at", "version"};

void read_field(FieldReader& r, std::string_view key, const json::value& value, service::CoordinationInput& in) {
    for (const auto& spec : kFields) {
        if (spec.name == key) return spec.set(r, value, in);
    }
    if (std::find(std::begin(kReadOnly), std::end(kReadOnly), key) != std::end(kReadOnly)) {
        return r.wrong_type(key, "只读字段，不能修改", "read-only field");
    }
    r.wrong_type(key, "未知字段", "unknown field");
}

}  // namespace

json::object to_json(const service::CoordinationItemView& view) {
    const auto& r = view.record;
    const auto& item = r.item;
    json::object out{{"id", item.id},
                     {"project_id", item.project_id},
                     {"project_code", r.project_code},
                     {"project_name", r.project_name},
                     {"zone_id", r.zone_id},
                     {"zone_name", r.zone_name},
                     {"city_code", r.city_code},
                     {"category", domain::to_string(item.category)},
                     {"description", item.description},
                     {"level", domain::to_string(item.level)},
                     {"responsible_department", item.responsible_department},
                     {"deadline", item.deadline.iso()},
                     {"status", domain::to_string(item.status)}};
    out["resolution"] = optional_text(item.resolution);
    out["reopen_reason"] = optional_text(item.reopen_reason);
    out["overdue"] = view.overdue;
    out["next_statuses"] = next_statuses_json(item.status);
    out["created_by"] = r.created_by ? json::value(*r.created_by) : json::value(nullptr);
    out["created_at"] = china_time(r.created_at);
    out["updated_at"] = china_time(r.updated_at);
    out["version"] = item.version;
    return out;
}

Decoded<service::CoordinationInput> decode_coordination_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::CoordinationInput input;
    for (const auto& [key, value] : std::get<json::object>(parsed)) read_field(reader, key, value, input);
    if (!reader.malformed().empty()) {
        auto fields = reader.malformed();
        fields.insert(fields.end(), reader.invalid().begin(), reader.invalid().end());
        return bad_request({"请求体中有字段类型错误、未知字段或只读字段",
                            "the body has fields of the wrong type, unknown fields or read-only fields"},
                           std::move(fields));
    }
    if (!reader.ok()) return problem_for(Error::invalid(reader.invalid()));
    return input;
}

}  // namespace sanpi::http
