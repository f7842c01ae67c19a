// Supervision notices (督办单): the list with its counts, one notice with its history, a new
// notice, its steps (respond, comment, close, reopen: If-Match on the notice's version), and the
// province's escalation ladder (read by all, changed with If-Match).
#include "http/codec.hpp"
#include "http/codec_notices.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"
#include "http/notice_query.hpp"

namespace sanpi::http {

namespace {

const Text kNoticeResource{"督办单", "notice"};

Response one_notice_response(int status, const service::NoticeView& view) {
    auto res = json_response(status, notice_json(view, true));
    res.set("ETag", strong_etag(view.record.notice.version));
    return res;
}

Response list_notice_page(Context& ctx) {
    auto parsed = parse_notice_list(ctx.query);
    if (auto* p = problem_in(parsed)) return fail(ctx, *p);
    const auto& request = std::get<NoticeListRequest>(parsed);
    auto list = ctx.services.notices.list(ctx.who(), request.query);
    if (!list) return fail(ctx, list.error());
    auto body = notices_json(*list);
    body["total"] = list->page.total;
    body["page"] = request.page;
    body["page_size"] = request.page_size;
    return json_response(200, body);
}

Response get_one_notice(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto view = ctx.services.notices.get(ctx.who(), std::get<std::int64_t>(id));
    if (!view) return fail(ctx, view.error());
    return one_notice_response(200, *view);
}

Response issue_one_notice(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_notice_input(ctx.request.body);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto view = ctx.services.notices.issue(ctx.who(), std::get<service::NoticeInput>(input));
    if (!view) return fail(ctx, view.error());
    auto res = one_notice_response(201, *view);
    res.set("Location", "/api/v1/notices/" + std::to_string(view->record.notice.id));
    return res;
}

template <domain::NoticeStep kStep>
Response take_notice_step(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, kNoticeResource);
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto input = decode_notice_step(ctx.request.body, kStep);
    if (auto* p = problem_in(input)) return fail(ctx, *p);
    auto view = ctx.services.notices.step(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version), kStep,
                                          std::get<service::NoticeStepInput>(input));
    if (!view) return fail(ctx, view.error());
    return one_notice_response(200, *view);
}

Response escalation_ladder_response(const store::EscalationLadderRecord& record) {
    auto res = json_response(200, to_json(record));
    res.set("ETag", strong_etag(record.ladder.version));
    return res;
}

Response get_escalation_ladder(Context& ctx) {
    auto ladder = ctx.services.notices.ladder(ctx.who());
    if (!ladder) return fail(ctx, ladder.error());
    return escalation_ladder_response(*ladder);
}

Response put_escalation_ladder(Context& ctx) {
    auto version = required_version(ctx, {"督办升级规则", "escalation ladder"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto ladder = decode_escalation_ladder(ctx.request.body);
    if (auto* p = problem_in(ladder)) return fail(ctx, *p);
    auto stored = ctx.services.notices.update_ladder(ctx.who(), std::get<std::int64_t>(version),
                                                     std::get<domain::EscalationLadder>(ladder));
    if (!stored) return fail(ctx, stored.error());
    return escalation_ladder_response(*stored);
}

}  // namespace

void add_notice_routes(Router& router) {
    router.add("GET", "/api/v1/notices", list_notice_page);
    router.add("POST", "/api/v1/notices", issue_one_notice);
    router.add("GET", "/api/v1/notices/{id}", get_one_notice);
    router.add("POST", "/api/v1/notices/{id}/respond", take_notice_step<domain::NoticeStep::kRespond>);
    router.add("POST", "/api/v1/notices/{id}/comment", take_notice_step<domain::NoticeStep::kComment>);
    router.add("POST", "/api/v1/notices/{id}/close", take_notice_step<domain::NoticeStep::kClose>);
    router.add("POST", "/api/v1/notices/{id}/reopen", take_notice_step<domain::NoticeStep::kReopen>);
    router.add("GET", "/api/v1/escalation-ladder", get_escalation_ladder);
    router.add("PUT", "/api/v1/escalation-ladder", put_escalation_ladder);
}

}  // namespace sanpi::http
