// /api/v1/projects: list, read, create, update with optimistic concurrency, explicit stage and
// status moves, stage history.
#include "http/codec.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"
#include "http/photo_codec.hpp"
#include "http/project_cursor.hpp"
#include "http/project_query.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

Response project_response(const Context& ctx, int status, const domain::ProjectView& view) {
    auto res = json_response(status, project_detail_json(view, ctx.lang));
    res.set("ETag", strong_etag(view.project.version));
    return res;
}

Response list_projects(Context& ctx) {
    auto parsed = parse_project_list(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<ProjectListRequest>(parsed);
    auto page = ctx.services.projects.list(ctx.who(), request.query);
    if (!page) return fail(ctx, page.error());
    auto body = items_json(page->items);
    // Cursor pages are not counted again (docs/api.md, "Paging").
    if (request.cursor) {
        body["total"] = nullptr;
        body["total_exact"] = nullptr;
        body["page"] = nullptr;
    } else {
        body["total"] = page->total;
        body["total_exact"] = page->total_exact;
        body["page"] = request.page;
    }
    body["page_size"] = request.page_size;
    if (page->next) {
        body["next_cursor"] = encode_project_cursor(request.query, *page->next);
    } else {
        body["next_cursor"] = nullptr;
    }
    return json_response(200, body);
}

Response get_project(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto view = ctx.services.projects.get(ctx.who(), std::get<std::int64_t>(id));
    if (!view) return fail(ctx, view.error());
    return project_response(ctx, 200, *view);
}

Response create_project(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto patch = decode_project_patch(ctx.request.body);
    if (auto* p = problem_in(patch)) return fail(ctx, *p);
    auto view = ctx.services.projects.create(ctx.who(), std::get<service::ProjectPatch>(patch));
    if (!view) return fail(ctx, with_api_field_names(view.error()));
    auto res = project_response(ctx, 201, *view);
    res.set("Location", "/api/v1/projects/" + std::to_string(view->project.id));
    return res;
}

Response update_project(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, {"项目", "project"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto patch = decode_project_patch(ctx.request.body);
    if (auto* p = problem_in(patch)) return fail(ctx, *p);
    auto view = ctx.services.projects.update(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version),
                                             std::get<service::ProjectPatch>(patch));
    if (!view) return fail(ctx, with_api_field_names(view.error()));
    return project_response(ctx, 200, *view);
}

Response transition_project(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, {"项目", "project"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto request = decode_transition(ctx.request.body);
    if (auto* p = problem_in(request)) return fail(ctx, *p);
    auto view = ctx.services.projects.transition(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version),
                                                 std::get<service::TransitionRequest>(request));
    if (!view) return fail(ctx, with_api_field_names(view.error()));
    return project_response(ctx, 200, *view);
}

void attach_evidence_photos(json::array& items, const std::vector<store::PhotoRecord>& photos) {
    for (auto& item : items) {
        auto& record = item.as_object();
        std::vector<store::PhotoRecord> own;
        for (const auto& p : photos) {
            if (p.stage_change_id == record.at("id").as_int64()) own.push_back(p);
        }
        record["photos"] = photos_json(own);
    }
}

Response project_history(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto timeline = ctx.services.projects.timeline(ctx.who(), std::get<std::int64_t>(id));
    if (!timeline) return fail(ctx, timeline.error());
    // "items" stays the stage changes, as before planned dates had a history; each carries its
    // evidence photos (pauses and restarts; empty for the others).
    auto body = items_json(timeline->stage_changes);
    attach_evidence_photos(body.at("items").as_array(), timeline->evidence_photos);
    body["planned_date_changes"] = items_json(timeline->planned_date_changes).at("items");
    return json_response(200, body);
}

}  // namespace

void add_project_routes(Router& router) {
    router.add("GET", "/api/v1/projects", list_projects);
    router.add("GET", "/api/v1/projects/export.xlsx", export_projects);
    router.add("POST", "/api/v1/projects", create_project);
    router.add("GET", "/api/v1/projects/{id}", get_project);
    router.add("PATCH", "/api/v1/projects/{id}", update_project);
    router.add("POST", "/api/v1/projects/{id}/transitions", transition_project);
    router.add("GET", "/api/v1/projects/{id}/history", project_history);
}

}  // namespace sanpi::http
