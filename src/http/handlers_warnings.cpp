// Warning lights (亮灯): the province's rules (read by all, changed by the province with If-Match),
// the warnings list with its counts, and a project's light with its history.
#include "http/codec.hpp"
#include "http/codec_warnings.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"
#include "http/warning_query.hpp"

namespace sanpi::http {

namespace {

Response rules_response(const store::WarningRulesRecord& record) {
    auto res = json_response(200, to_json(record));
    res.set("ETag", strong_etag(record.rules.version));
    return res;
}

Response get_rules(Context& ctx) {
    auto rules = ctx.services.warnings.rules(ctx.who());
    if (!rules) return fail(ctx, rules.error());
    return rules_response(*rules);
}

Response put_rules(Context& ctx) {
    auto version = required_version(ctx, {"预警规则", "warning rules"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto rules = decode_warning_rules(ctx.request.body);
    if (auto* p = problem_in(rules)) return fail(ctx, *p);
    auto stored = ctx.services.warnings.update_rules(ctx.who(), std::get<std::int64_t>(version),
                                                     std::get<domain::WarningRules>(rules));
    if (!stored) return fail(ctx, stored.error());
    return rules_response(*stored);
}

Response list_warnings(Context& ctx) {
    auto parsed = parse_warning_list(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<WarningListRequest>(parsed);
    auto list = ctx.services.warnings.list(ctx.who(), request.query);
    if (!list) return fail(ctx, list.error());
    auto body = warnings_json(*list, ctx.lang);
    body["total"] = list->page.total;
    body["page"] = request.page;
    body["page_size"] = request.page_size;
    return json_response(200, body);
}

Response project_lights(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    const auto project_id = std::get<std::int64_t>(id);
    auto view = ctx.services.warnings.project_light(ctx.who(), project_id);
    if (!view) return fail(ctx, view.error());
    return json_response(200, project_light_json(project_id, *view, ctx.lang));
}

}  // namespace

void add_warning_routes(Router& router) {
    router.add("GET", "/api/v1/warning-rules", get_rules);
    router.add("PUT", "/api/v1/warning-rules", put_rules);
    router.add("GET", "/api/v1/warnings", list_warnings);
    router.add("GET", "/api/v1/projects/{id}/lights", project_lights);
}

}  // namespace sanpi::http
