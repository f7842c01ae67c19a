// Campaigns (三个一批活动), their per-batch summary and the dashboard, counted within the caller's
// scope from the kept figures, a campaign's entries, and its bulletin (通报).
#include "domain/bulletin.hpp"
#include "http/codec.hpp"
#include "http/codec_rankings.hpp"
#include "http/entry_query.hpp"
#include "http/handlers.hpp"
#include "http/list_params.hpp"
#include "http/scope_title.hpp"
#include "report/bulletin_report.hpp"

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
    std::optional<domain::Date> as_of;
    for (const auto& [key, value] : ctx.query) {
        if (key != "as_of") continue;
        as_of = iso_date_param(value);
        if (!as_of) return fail(ctx, bad_list_params({{key, {"须为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"}}}));
    }
    if (as_of) {
        auto then = ctx.services.campaigns.summary_as_of(ctx.who(), std::get<std::int64_t>(id), *as_of);
        if (!then) return fail(ctx, then.error());
        auto body = campaign_summary_json(**then);
        body["as_of"] = as_of->iso();
        // A day before the hold answers the entries as they then stood, not official figures.
        body["held_as_of"] = (*then)->campaign.status != domain::CampaignStatus::kPlanning;
        return json_response(200, body);
    }
    auto summary = ctx.services.campaigns.kept_summary(ctx.who(), std::get<std::int64_t>(id));
    if (!summary) return fail(ctx, summary.error());
    const auto& answer = *summary;
    return rendered_json_response(ctx, answer, [&] { return campaign_summary_json(*answer); });
}

// GET .../entries: `batch`, `city`, `zone`, `status` and the page (entry_query.hpp).
Response campaign_entries(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto parsed = parse_entries_request(ctx.query, std::get<std::int64_t>(id));
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<EntriesRequest>(parsed);
    auto page = ctx.services.campaigns.entries(ctx.who(), request.query);
    if (!page) return fail(ctx, page.error());
    auto body = items_json(page->items);
    body["total"] = page->total;
    body["page"] = request.page;
    body["page_size"] = request.page_size;
    return json_response(200, body);
}

// GET .../bulletin: `lang` (zh|en, default zh) and `format` (html|docx|md, default html), each at
// most once; anything else is refused, each parameter named.
struct BulletinRequest {
    domain::BulletinLang lang = domain::BulletinLang::kZh;
    report::BulletinFormat format = report::BulletinFormat::kHtml;
};

std::variant<BulletinRequest, Problem> bulletin_request(const QueryParams& params) {
    BulletinRequest out;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [key, value] = params[i];
        if (detail::seen_before(params, i)) {
            detail::add_repeated(errors, key);
        } else if (key == "lang") {
            const auto lang = domain::bulletin_lang_from_string(value);
            if (lang) out.lang = *lang;
            if (!lang) errors.push_back({key, {"须为 zh 或 en", "must be zh or en"}});
        } else if (key == "format") {
            const auto format = report::bulletin_format_from_string(value);
            if (format) out.format = *format;
            if (!format) errors.push_back({key, {"须为 html、docx、md 之一", "must be one of html, docx, md"}});
        } else {
            detail::add_unknown(errors, key);
        }
    }
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return out;
}

Response campaign_bulletin(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto parsed = bulletin_request(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<BulletinRequest>(parsed);
    auto summary = ctx.services.campaigns.summary(ctx.who(), std::get<std::int64_t>(id));
    if (!summary) return fail(ctx, summary.error());
    auto scope = caller_scope_title(ctx, request.lang);
    if (!scope) return fail(ctx, scope.error());
    auto body = report::render_bulletin(domain::build_bulletin(*summary, request.lang, *scope), request.format);
    if (!body) return fail(ctx, body.error());
    Response res;
    res.set("Content-Type", std::string(report::content_type(request.format)));
    res.set("Content-Disposition",
            report::content_disposition(request.format != report::BulletinFormat::kHtml,
                                        report::bulletin_file_name(summary->campaign, request.lang, request.format)));
    // The page shown inline needs nothing but its own inline style; the web UI previews it in a frame.
    res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
    res.body = std::move(*body);
    return res;
}

struct DashboardRequest {
    service::DashboardFilter filter;
    std::optional<domain::Date> as_of;  // the figures as they stood at the end of that day
};

// `province`, `city` and `zone` narrow the dashboard, `as_of` asks for a past day; `lang` is read
// elsewhere; anything else is refused.
std::variant<DashboardRequest, Problem> dashboard_request(const QueryParams& params) {
    DashboardRequest request;
    auto& filter = request.filter;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [key, value] = params[i];
        if (detail::seen_before(params, i)) {
            detail::add_repeated(errors, key);
        } else if (key == "province") {
            filter.province_code = province_code_param(value);
            if (!filter.province_code) {
                errors.push_back({key, {"须为六位省级代码", "must be a six-digit province code"}});
            }
        } else if (key == "city") {
            filter.city_code = city_code_param(value);
            if (!filter.city_code) errors.push_back({key, {"须为六位城市代码", "must be a six-digit city code"}});
        } else if (key == "zone") {
            filter.zone_id = positive_integer(value);
            if (!filter.zone_id) errors.push_back({key, {"须为正整数", "must be a positive integer"}});
        } else if (key == "as_of") {
            request.as_of = iso_date_param(value);
            if (!request.as_of) errors.push_back({key, {"须为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"}});
        } else if (key != "lang") {
            detail::add_unknown(errors, key);
        }
    }
    if (!errors.empty()) return bad_list_params(std::move(errors));
    return request;
}

Response dashboard(Context& ctx) {
    auto parsed = dashboard_request(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<DashboardRequest>(parsed);
    if (request.as_of) {
        auto then = ctx.services.campaigns.dashboard_as_of(ctx.who(), request.filter, *request.as_of);
        if (!then) return fail(ctx, then.error());
        auto body = to_json(then->dashboard);
        body["as_of"] = then->as_of.day.iso();
        body["corrections"] = corrections_json(then->corrections);
        return json_response(200, body);
    }
    auto answer = ctx.services.campaigns.dashboard(ctx.who(), request.filter);
    if (!answer) return fail(ctx, answer.error());
    const auto& dashboard = *answer;
    return rendered_json_response(ctx, dashboard, [&] { return to_json(*dashboard); });
}

}  // namespace

void add_campaign_routes(Router& router) {
    router.add("GET", "/api/v1/campaigns", list_campaigns);
    router.add("GET", "/api/v1/campaigns/{id}/summary", campaign_summary);
    router.add("GET", "/api/v1/campaigns/{id}/summary.xlsx", export_campaign_summary);
    router.add("GET", "/api/v1/campaigns/{id}/entries", campaign_entries);
    router.add("GET", "/api/v1/campaigns/{id}/entries/export.xlsx", export_campaign_entries);
    router.add("GET", "/api/v1/campaigns/{id}/bulletin", campaign_bulletin);
    router.add("GET", "/api/v1/dashboard", dashboard);
}

}  // namespace sanpi::http
