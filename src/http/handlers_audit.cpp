// /api/v1/audit (province and supervisors) and /api/v1/projects/{id}/audit (whoever sees the
// project): the audit log newest first, in keyset pages.
#include "http/audit_query.hpp"
#include "http/codec.hpp"
#include "http/handlers.hpp"

namespace sanpi::http {

namespace {

Response list_audit(Context& ctx) {
    auto query = parse_audit_query(ctx.query, true);
    if (auto* p = problem_in(query)) return fail(ctx, *p);
    auto page = ctx.services.audit.list(ctx.who(), std::get<store::AuditQuery>(query));
    if (!page) return fail(ctx, page.error());
    return json_response(200, to_json(*page));
}

Response project_audit(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto query = parse_audit_query(ctx.query, false);
    if (auto* p = problem_in(query)) return fail(ctx, *p);
    auto page = ctx.services.audit.project_audit(ctx.who(), std::get<std::int64_t>(id),
                                                 std::get<store::AuditQuery>(query));
    if (!page) return fail(ctx, page.error());
    return json_response(200, to_json(*page));
}

}  // namespace

void add_audit_routes(Router& router) {
    router.add("GET", "/api/v1/audit", list_audit);
    router.add("GET", "/api/v1/projects/{id}/audit", project_audit);
}

}  // namespace sanpi::http
