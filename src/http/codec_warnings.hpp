#pragma once
// JSON of warning lights (亮灯): the rules, reasons in the caller's language, the warnings list with
// its counts, a project's light with its history; and the body of PUT /warning-rules.
#include <boost/json.hpp>
#include <vector>

#include "domain/light.hpp"
#include "domain/warning_rules.hpp"
#include "http/problem.hpp"
#include "service/warning_service.hpp"
#include "store/store.hpp"

namespace sanpi::http {

// [{"rule", "light", "text"}], the text in `lang`.
boost::json::array reasons_json(const std::vector<domain::LightReason>& reasons, Lang lang);
// {"version", "settings": {...}, "created_by", "created_at"}
boost::json::object to_json(const store::WarningRulesRecord& record);
// {"items": [...], "counts": {...}} (paging fields are the handler's)
boost::json::object warnings_json(const service::WarningList& list, Lang lang);
// {"project_id", "light", "reasons", "since", "rule_version", "history": [{"from", "to", "on", "rule_version"}]}
boost::json::object project_light_json(std::int64_t project_id, const service::ProjectLightView& view, Lang lang);

// PUT /warning-rules body: {"settings": {every setting as a whole number}}. Wrong JSON types, unknown
// or missing settings give 400; what the values must be is the service's to check (422).
std::variant<domain::WarningRules, Problem> decode_warning_rules(std::string_view body);

}  // namespace sanpi::http
