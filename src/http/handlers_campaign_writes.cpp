// A campaign's life (created, edited, held, closed) and its entries (proposed, confirmed, removed,
// withdrawn), and what changed since it was held. The rules are the service's
// (service/campaign_workflow.hpp); these read the request and shape the answer.
#include "http/codec.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"
#include "http/report_codec.hpp"

namespace sanpi::http {

namespace {

const Text kCampaignWriteResource{"活动", "campaign"};

Response campaign_write_response(int status, const domain::Campaign& campaign) {
    auto res = json_response(status, to_json(campaign));
    res.set("ETag", strong_etag(campaign.version));
    return res;
}

// If-Match when given (a hold or close based on a version the caller saw); none: the current one.
std::variant<std::optional<std::int64_t>, Problem> optional_campaign_version(const Context& ctx) {
    if (!ctx.request.header("if-match")) return std::optional<std::int64_t>();
    auto version = required_version(ctx, kCampaignWriteResource);
    if (auto* p = std::get_if<Problem>(&version)) return std::move(*p);
    return std::optional<std::int64_t>(std::get<std::int64_t>(version));
}

// The entry named by the path: /campaigns/{id}/entries/{project_id}/{batch}.
struct CampaignEntryPath {
    std::int64_t campaign_id = 0;
    std::int64_t project_id = 0;
    domain::BatchKind batch = domain::BatchKind::kSign;
};

std::variant<CampaignEntryPath, Problem> campaign_entry_path(const Context& ctx) {
    auto campaign = path_id(ctx, 0);
    if (auto* p = problem_in(campaign)) return std::move(*p);
    auto project = path_id(ctx, 1);
    if (auto* p = problem_in(project)) return std::move(*p);
    auto batch = domain::batch_kind_from_string(ctx.params.at(2));
    if (!batch) {
        return bad_request({"路径中的批次无效", "the batch in the path is not valid"},
                           {{"batch", {"须为 sign、start、produce 之一", "must be one of sign, start, produce"}}});
    }
    return CampaignEntryPath{std::get<std::int64_t>(campaign), std::get<std::int64_t>(project), *batch};
}

Response get_one_campaign(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto campaign = ctx.services.campaigns.get(ctx.who(), std::get<std::int64_t>(id));
    if (!campaign) return fail(ctx, campaign.error());
    return campaign_write_response(200, *campaign);
}

Response create_one_campaign(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto draft = decode_campaign_draft(ctx.request.body);
    if (auto* p = problem_in(draft)) return fail(ctx, *p);
    auto campaign = ctx.services.campaigns.create(ctx.who(), std::get<service::CampaignDraft>(draft));
    if (!campaign) return fail(ctx, campaign.error());
    auto res = campaign_write_response(201, *campaign);
    res.set("Location", "/api/v1/campaigns/" + std::to_string(campaign->id));
    return res;
}

Response update_one_campaign(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kCampaignWriteResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto draft = decode_campaign_draft(ctx.request.body);
    if (auto* p = problem_in(draft)) return fail(ctx, *p);
    auto campaign = ctx.services.campaigns.update(ctx.who(), std::get<std::int64_t>(id),
                                                  std::get<std::int64_t>(version), std::get<service::CampaignDraft>(draft));
    if (!campaign) return fail(ctx, campaign.error());
    return campaign_write_response(200, *campaign);
}

template <auto Step>
Response campaign_status_step(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = optional_campaign_version(ctx);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    auto campaign = (ctx.services.campaigns.*Step)(ctx.who(), std::get<std::int64_t>(id),
                                                   std::get<std::optional<std::int64_t>>(version));
    if (!campaign) return fail(ctx, campaign.error());
    return campaign_write_response(200, *campaign);
}

Response add_campaign_entry(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_campaign_entry(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    const auto& entry = std::get<CampaignEntryInput>(input);
    auto view = ctx.services.campaigns.add_entry(ctx.who(), std::get<std::int64_t>(id), entry.project_id, entry.batch);
    if (!view) return fail(ctx, view.error());
    auto res = json_response(201, to_json(*view));
    res.set("Location", "/api/v1/campaigns/" + std::to_string(view->entry.campaign_id) + "/entries/" +
                            std::to_string(view->entry.project_id) + "/" + std::string(domain::to_string(entry.batch)));
    return res;
}

Response confirm_campaign_entry(Context& ctx) {
    auto path = campaign_entry_path(ctx);
    if (auto* p = problem_in(path)) return fail(ctx, *p);
    const auto& e = std::get<CampaignEntryPath>(path);
    auto view = ctx.services.campaigns.confirm_entry(ctx.who(), e.campaign_id, e.project_id, e.batch);
    if (!view) return fail(ctx, view.error());
    return json_response(200, to_json(*view));
}

Response remove_campaign_entry(Context& ctx) {
    auto path = campaign_entry_path(ctx);
    if (auto* p = problem_in(path)) return fail(ctx, *p);
    const auto& e = std::get<CampaignEntryPath>(path);
    auto removed = ctx.services.campaigns.remove_entry(ctx.who(), e.campaign_id, e.project_id, e.batch);
    if (!removed) return fail(ctx, removed.error());
    Response res;
    res.status = 204;
    return res;
}

Response withdraw_campaign_entry(Context& ctx) {
    auto path = campaign_entry_path(ctx);
    if (auto* p = problem_in(path)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto reason = decode_reason(ctx.request.body);
    if (auto* p = problem_in(reason)) return fail(ctx, *p);
    const auto& e = std::get<CampaignEntryPath>(path);
    auto view = ctx.services.campaigns.withdraw_entry(ctx.who(), e.campaign_id, e.project_id, e.batch,
                                                      std::get<std::string>(reason));
    if (!view) return fail(ctx, view.error());
    return json_response(200, to_json(*view));
}

Response campaign_changes_since_hold(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto changes = ctx.services.campaigns.changes(ctx.who(), std::get<std::int64_t>(id));
    if (!changes) return fail(ctx, changes.error());
    return json_response(200, to_json(*changes));
}

}  // namespace

void add_campaign_write_routes(Router& router) {
    router.add("POST", "/api/v1/campaigns", create_one_campaign);
    router.add("GET", "/api/v1/campaigns/{id}", get_one_campaign);
    router.add("PATCH", "/api/v1/campaigns/{id}", update_one_campaign);
    router.add("POST", "/api/v1/campaigns/{id}/hold", campaign_status_step<&service::CampaignService::hold>);
    router.add("POST", "/api/v1/campaigns/{id}/close", campaign_status_step<&service::CampaignService::close>);
    router.add("POST", "/api/v1/campaigns/{id}/entries", add_campaign_entry);
    router.add("POST", "/api/v1/campaigns/{id}/entries/{project_id}/{batch}/confirm", confirm_campaign_entry);
    router.add("POST", "/api/v1/campaigns/{id}/entries/{project_id}/{batch}/withdraw", withdraw_campaign_entry);
    router.add("DELETE", "/api/v1/campaigns/{id}/entries/{project_id}/{batch}", remove_campaign_entry);
    router.add("GET", "/api/v1/campaigns/{id}/changes", campaign_changes_since_hold);
}

}  // namespace sanpi::http
