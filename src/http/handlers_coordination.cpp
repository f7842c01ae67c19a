// Coordination items (问题诉求): a project's list and new items, one item read and changed with
// optimistic concurrency, and the list across projects.
#include "http/codec.hpp"
#include "http/coordination_query.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"

namespace sanpi::http {

namespace {

std::string item_path(std::int64_t id) { return "/api/v1/coordination-items/" + std::to_string(id); }

Response item_response(int status, const service::CoordinationItemView& view) {
    auto res = json_response(status, to_json(view));
    res.set("ETag", strong_etag(view.record.item.version));
    return res;
}

Response page_response(const Context& ctx, const Result<store::Page<service::CoordinationItemView>>& page,
                       const CoordinationListRequest& request) {
    if (!page) return fail(ctx, page.error());
    auto body = items_json(page->items);
    body["total"] = page->total;
    body["page"] = request.page;
    body["page_size"] = request.page_size;
    return json_response(200, body);
}

Response list_all(Context& ctx) {
    auto parsed = parse_coordination_list(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<CoordinationListRequest>(parsed);
    return page_response(ctx, ctx.services.coordination.list(ctx.who(), request.query), request);
}

Response list_for_project(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto parsed = parse_coordination_list(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<CoordinationListRequest>(parsed);
    auto page = ctx.services.coordination.list_for_project(ctx.who(), std::get<std::int64_t>(id), request.query);
    return page_response(ctx, page, request);
}

Response create_item(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_coordination_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto view = ctx.services.coordination.create(ctx.who(), std::get<std::int64_t>(id),
                                                 std::get<service::CoordinationInput>(input));
    if (!view) return fail(ctx, view.error());
    auto res = item_response(201, *view);
    res.set("Location", item_path(view->record.item.id));
    return res;
}

Response get_item(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto view = ctx.services.coordination.get(ctx.who(), std::get<std::int64_t>(id));
    if (!view) return fail(ctx, view.error());
    return item_response(200, *view);
}

Response update_item(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, {"问题诉求", "coordination item"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_coordination_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto view = ctx.services.coordination.update(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version),
                                                 std::get<service::CoordinationInput>(input));
    if (!view) return fail(ctx, view.error());
    return item_response(200, *view);
}

}  // namespace

void add_coordination_routes(Router& router) {
    router.add("GET", "/api/v1/projects/{id}/coordination-items", list_for_project);
    router.add("POST", "/api/v1/projects/{id}/coordination-items", create_item);
    router.add("GET", "/api/v1/coordination-items", list_all);
    router.add("GET", "/api/v1/coordination-items/export.xlsx", export_coordination_items);  // before {id}
    router.add("GET", "/api/v1/coordination-items/{id}", get_item);
    router.add("PATCH", "/api/v1/coordination-items/{id}", update_item);
}

}  // namespace sanpi::http
