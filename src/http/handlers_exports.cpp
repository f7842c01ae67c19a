// Lists downloaded as XLSX workbooks in the official layout (report/xlsx_table.hpp), scoped and
// filtered exactly as the lists they export; each route is registered beside its list.
#include "http/entry_query.hpp"
#include "http/export_support.hpp"
#include "http/handlers.hpp"
#include "http/project_query.hpp"
#include "http/scope_title.hpp"
#include "report/project_table.hpp"

namespace sanpi::http {

Response export_projects(Context& ctx) {
    auto parsed = parse_project_export(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<ProjectExportRequest>(parsed);
    auto names = table_names(ctx, request.lang);
    if (!names) return fail(ctx, names.error());
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    const auto today = ctx.services.projects.today();
    auto table = report::XlsxTable::open(report::project_table_spec(request.lang, request.unit, scope->name, today));
    if (!table) return fail(ctx, table.error());
    auto& sheet = **table;
    auto walked = ctx.services.projects.each(ctx.who(), request.query, [&](const domain::ProjectView& view) {
        return sheet.add_row(report::project_table_row(view, *names, request.lang));
    });
    if (!walked) return fail(ctx, walked.error());
    auto bytes = sheet.finish();
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), report::project_table_file_name(request.lang, today));
}

Response export_campaign_entries(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto parsed = parse_entries_export(ctx.query, std::get<std::int64_t>(id));
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<EntriesExportRequest>(parsed);
    auto names = table_names(ctx, request.lang);
    if (!names) return fail(ctx, names.error());
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    auto campaign = ctx.services.campaigns.get(ctx.who(), request.query.campaign_id);
    if (!campaign) return fail(ctx, campaign.error());
    const auto today = ctx.services.projects.today();
    const auto batch = request.query.batch;
    auto table = report::XlsxTable::open(
        report::entry_table_spec(request.lang, request.unit, scope->name, today, *campaign, batch));
    if (!table) return fail(ctx, table.error());
    auto& sheet = **table;
    auto walked = ctx.services.campaigns.each_entry(ctx.who(), request.query, [&](const store::CampaignEntryView& v) {
        return sheet.add_row(report::entry_table_row(v.entry, v.project, *names, request.lang));
    });
    if (!walked) return fail(ctx, walked.error());
    auto bytes = sheet.finish();
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), report::entry_table_file_name(request.lang, today, *campaign, batch));
}

}  // namespace sanpi::http
