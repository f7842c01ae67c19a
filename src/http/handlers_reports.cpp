// Monthly progress reports: a project's list and new drafts, the reviewer's queue, what is still
// owed for a month, one report with its changes (If-Match), and the review steps.
#include "http/handlers.hpp"
#include "http/if_match.hpp"
#include "http/report_codec.hpp"
#include "http/report_query.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

const Text kReport{"月报", "report"};

std::string report_path(std::int64_t id) { return "/api/v1/reports/" + std::to_string(id); }

Response report_response(int status, const service::ReportDetail& detail) {
    auto res = json_response(status, to_json(detail));
    res.set("ETag", strong_etag(detail.view.record.report.version));
    return res;
}

template <class T>
Response page_response(const store::Page<T>& page, const ReportListRequest& request) {
    json::array items;
    items.reserve(page.items.size());
    for (const auto& item : page.items) items.push_back(to_json(item));
    return json_response(
        200,
        {{"items", std::move(items)}, {"total", page.total}, {"page", request.page}, {"page_size", request.page_size}});
}

Response list_project_reports(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto parsed = parse_report_list(ctx.query, ReportList::kOfProject);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<ReportListRequest>(parsed);
    auto page = ctx.services.reports.list_for_project(ctx.who(), std::get<std::int64_t>(id), request.query);
    if (!page) return fail(ctx, page.error());
    return page_response(*page, request);
}

Response create_report(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_report_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto detail =
        ctx.services.reports.create(ctx.who(), std::get<std::int64_t>(id), std::get<service::ReportInput>(input));
    if (!detail) return fail(ctx, with_report_field_names(detail.error()));
    auto res = report_response(201, *detail);
    res.set("Location", report_path(detail->view.record.report.id));
    return res;
}

Response list_reports(Context& ctx) {
    auto parsed = parse_report_list(ctx.query, ReportList::kQueue);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<ReportListRequest>(parsed);
    auto page = ctx.services.reports.list(ctx.who(), request.query);
    if (!page) return fail(ctx, page.error());
    return page_response(*page, request);
}

Response missing_reports(Context& ctx) {
    auto parsed = parse_report_list(ctx.query, ReportList::kMissing);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<ReportListRequest>(parsed);
    auto page = ctx.services.reports.missing(ctx.who(), request.missing);
    if (!page) return fail(ctx, page.error());
    return page_response(*page, request);
}

Response get_report(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto detail = ctx.services.reports.get(ctx.who(), std::get<std::int64_t>(id));
    if (!detail) return fail(ctx, detail.error());
    return report_response(200, *detail);
}

Response update_report(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kReport);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_report_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto detail = ctx.services.reports.update(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version),
                                              std::get<service::ReportInput>(input));
    if (!detail) return fail(ctx, with_report_field_names(detail.error()));
    return report_response(200, *detail);
}

// submit and approve: the step needs only the report's id and version.
using ReviewStep = Result<service::ReportDetail> (service::ReportService::*)(const service::Principal&, std::int64_t,
                                                                             std::int64_t);

Response review_step(Context& ctx, ReviewStep step) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kReport);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    auto detail = (ctx.services.reports.*step)(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version));
    if (!detail) return fail(ctx, with_report_field_names(detail.error()));
    return report_response(200, *detail);
}

Response submit_report(Context& ctx) { return review_step(ctx, &service::ReportService::submit); }
Response approve_report(Context& ctx) { return review_step(ctx, &service::ReportService::approve); }

Response return_report(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kReport);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto reason = decode_reason(ctx.request.body);
    if (auto* p = problem_in(reason)) return fail(ctx, *p);
    auto detail = ctx.services.reports.return_report(ctx.who(), std::get<std::int64_t>(id),
                                                     std::get<std::int64_t>(version), std::get<std::string>(reason));
    if (!detail) return fail(ctx, with_report_field_names(detail.error()));
    return report_response(200, *detail);
}

}  // namespace

void add_report_routes(Router& router) {
    router.add("GET", "/api/v1/projects/{id}/reports", list_project_reports);
    router.add("POST", "/api/v1/projects/{id}/reports", create_report);
    router.add("GET", "/api/v1/reports", list_reports);
    // Before /reports/{id}, which would otherwise take "missing" or "export.xlsx" for an id.
    router.add("GET", "/api/v1/reports/missing", missing_reports);
    router.add("GET", "/api/v1/reports/export.xlsx", export_reports);
    router.add("GET", "/api/v1/reports/{id}", get_report);
    router.add("PATCH", "/api/v1/reports/{id}", update_report);
    router.add("POST", "/api/v1/reports/{id}/submit", submit_report);
    router.add("POST", "/api/v1/reports/{id}/approve", approve_report);
    router.add("POST", "/api/v1/reports/{id}/return", return_report);
}

}  // namespace sanpi::http
