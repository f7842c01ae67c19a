// Campaigns (三个一批活动) and their per-batch summary, counted within the caller's scope.
#include "http/codec.hpp"
#include "http/handlers.hpp"

namespace sanpi::http {

namespace {

Response list_campaigns(Context& ctx) {
    auto campaigns = ctx.services.campaigns.list(ctx.who());
    if (!campaigns) return fail(ctx, campaigns.error());
    return json_response(200, items_json(*campaigns));
}

Response campaign_summary(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto summary = ctx.services.campaigns.summary(ctx.who(), std::get<std::int64_t>(id));
    if (!summary) return fail(ctx, summary.error());
    return json_response(200, to_json(*summary));
}

}  // namespace

void add_campaign_routes(Router& router) {
    router.add("GET", "/api/v1/campaigns", list_campaigns);
    router.add("GET", "/api/v1/campaigns/{id}/summary", campaign_summary);
}

}  // namespace sanpi::http
