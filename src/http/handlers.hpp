#pragma once
// Route registration, one function per resource family. Handlers are thin: parse the request,
// call one service, serialize the result.
#include <cstdint>
#include <string_view>
#include <variant>

#include "http/router.hpp"

namespace sanpi::http {

// Where a browser signs in (POST), reads and ends its session (GET, DELETE).
inline constexpr std::string_view kSessionPath = "/api/v1/session";

void add_session_routes(Router& router);
// The caller's password (/session/password), user administration (/users) and the caller's API
// tokens (/tokens) (handlers_accounts.cpp).
void add_account_routes(Router& router);
void add_catalog_routes(Router& router);  // also /healthz
void add_project_routes(Router& router);
void add_campaign_routes(Router& router);
void add_campaign_write_routes(Router& router);
void add_report_routes(Router& router);
void add_coordination_routes(Router& router);
void add_audit_routes(Router& router);
void add_photo_routes(Router& router);
void add_import_routes(Router& router);
// Warning rules, the warnings list, a project's lights (handlers_warnings.cpp).
void add_warning_routes(Router& router);
// Supervision notices and the escalation ladder (handlers_notices.cpp).
void add_notice_routes(Router& router);
// Zone rankings and their weights (handlers_rankings.cpp).
void add_ranking_routes(Router& router);
// Industry chains (handlers_chains.cpp, handlers_chain_sheets.cpp).
void add_chain_routes(Router& router);
// GET /chains/export.xlsx, POST /chains/import: ahead of add_chain_routes, whose /chains/{id} would
// otherwise take "export.xlsx".
void add_chain_sheet_routes(Router& router);
// GET /api/v1/imports/template.xlsx (handlers_import_template.cpp): ahead of add_import_routes,
// whose /imports/{id} would otherwise take "template.xlsx".
void add_import_template_routes(Router& router);
// GET /api/v1/openapi.json: the API description compiled in from docs/openapi.json.
void add_openapi_routes(Router& router);

// Exports (handlers_exports.cpp), registered beside the lists they export, ahead of the routes
// whose {id} would otherwise take "export.xlsx".
Response export_projects(Context& ctx);          // GET /api/v1/projects/export.xlsx
Response export_campaign_entries(Context& ctx);  // GET /api/v1/campaigns/{id}/entries/export.xlsx
// handlers_work_exports.cpp
Response export_reports(Context& ctx);             // GET /api/v1/reports/export.xlsx
Response export_coordination_items(Context& ctx);  // GET /api/v1/coordination-items/export.xlsx
Response export_campaign_summary(Context& ctx);    // GET /api/v1/campaigns/{id}/summary.xlsx

// The problem inside a Decoded/path_id result, or null when it holds a value.
template <class T>
const Problem* problem_in(const std::variant<T, Problem>& v) {
    return std::get_if<Problem>(&v);
}

}  // namespace sanpi::http
