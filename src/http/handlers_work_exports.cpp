// The monthly reports, the coordination items and a campaign's summary downloaded as XLSX workbooks
// in the official layout, scoped and filtered exactly as the answers they export; each route is
// registered beside its list.
#include "http/coordination_query.hpp"
#include "http/export_params.hpp"
#include "http/export_support.hpp"
#include "http/handlers.hpp"
#include "http/report_query.hpp"
#include "http/scope_title.hpp"
#include "report/coordination_table.hpp"
#include "report/progress_table.hpp"
#include "report/summary_table.hpp"

namespace sanpi::http {

Response export_reports(Context& ctx) {
    auto parsed = parse_report_export(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<ReportExportRequest>(parsed);
    auto names = table_names(ctx, request.lang);
    if (!names) return fail(ctx, names.error());
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    const auto today = ctx.services.projects.today();
    auto table = report::XlsxTable::open(report::progress_table_spec(request.lang, request.unit, scope->name, today));
    if (!table) return fail(ctx, table.error());
    auto& sheet = **table;
    auto walked = ctx.services.reports.each(ctx.who(), request.query, [&](const service::ReportDetail& d) {
        const auto& v = d.view;
        const report::ProgressTableLine line{v.record.report, v.project_code, v.project_name,
                                             v.city_code,     v.zone_name,    d.official.investment};
        return sheet.add_row(report::progress_table_row(line, *names, request.lang));
    });
    if (!walked) return fail(ctx, walked.error());
    auto bytes = sheet.finish();
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), report::progress_table_file_name(request.lang, today));
}

Response export_coordination_items(Context& ctx) {
    auto parsed = parse_coordination_export(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<CoordinationExportRequest>(parsed);
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    const auto today = ctx.services.projects.today();
    auto table = report::XlsxTable::open(report::coordination_table_spec(request.lang, scope->name, today));
    if (!table) return fail(ctx, table.error());
    auto& sheet = **table;
    auto walked = ctx.services.coordination.each(ctx.who(), request.query, [&](const service::CoordinationItemView& v) {
        const report::CoordinationTableLine line{v.record.item, v.record.project_name, v.record.zone_name, v.overdue};
        return sheet.add_row(report::coordination_table_row(line, request.lang));
    });
    if (!walked) return fail(ctx, walked.error());
    auto bytes = sheet.finish();
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), report::coordination_table_file_name(request.lang, today));
}

Response export_campaign_summary(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto parsed = parse_table_export(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<TableExportRequest>(parsed);
    auto summary = ctx.services.campaigns.kept_summary(ctx.who(), std::get<std::int64_t>(id));
    if (!summary) return fail(ctx, summary.error());
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    const auto content = report::summary_table(**summary, request.lang, request.unit, scope->name);
    auto table = report::XlsxTable::open(content.spec);
    if (!table) return fail(ctx, table.error());
    for (const auto& row : content.rows) {
        if (auto added = (*table)->add_row(row); !added) return fail(ctx, added.error());
    }
    auto bytes = (*table)->finish();
    if (!bytes) return fail(ctx, bytes.error());
    const auto today = ctx.services.projects.today();
    return xlsx_response(std::move(*bytes), report::summary_table_file_name(request.lang, today, (*summary)->campaign));
}

}  // namespace sanpi::http
