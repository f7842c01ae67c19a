// The caller's password, user administration and the caller's API tokens.
//   POST   /api/v1/session/password   {current_password, new_password} -> 204
//   GET    /api/v1/users              accounts the caller manages
//   POST   /api/v1/users              create; a temporary password is returned once
//   PATCH  /api/v1/users/{id}         If-Match: version; disable, enable, reset, role, scope
//   GET    /api/v1/tokens             the caller's tokens (id, label, dates; never the secret)
//   POST   /api/v1/tokens             {label, days}; the token is returned once
//   DELETE /api/v1/tokens/{id}        revoke
#include "http/codec_accounts.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

Response account_response(Context& ctx, int status, const service::IssuedAccount& issued) {
    auto scope = ctx.services.auth.scope_text(issued.user);
    if (!scope) return fail(ctx, scope.error());
    json::object body = account_json(issued.user, *scope);
    if (!issued.temporary_password.empty()) body["temporary_password"] = issued.temporary_password;
    auto res = json_response(status, body);
    res.set("ETag", strong_etag(issued.user.version));
    return res;
}

Response change_password(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto change = decode_password_change(ctx.request.body);
    if (auto* p = problem_in(change)) return fail(ctx, *p);
    const auto& c = std::get<PasswordChange>(change);
    const std::string keep = ctx.caller->via_cookie ? ctx.caller->session_token : std::string();
    auto done = ctx.services.auth.change_password(ctx.who(), keep, c.current_password, c.new_password);
    if (!done) return fail(ctx, done.error());
    Response res;
    res.status = 204;
    return res;
}

Response list_users(Context& ctx) {
    auto users = ctx.services.auth.list_users(ctx.who());
    if (!users) return fail(ctx, users.error());
    json::array items;
    for (const auto& listed : *users) items.push_back(account_json(listed.user, listed.scope));
    return json_response(200, {{"items", std::move(items)}});
}

Response create_user(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto draft = decode_account_draft(ctx.request.body);
    if (auto* p = problem_in(draft)) return fail(ctx, *p);
    auto issued = ctx.services.auth.create_user(ctx.who(), std::get<service::AccountDraft>(draft));
    if (!issued) return fail(ctx, issued.error());
    return account_response(ctx, 201, *issued);
}

Response update_user(Context& ctx) {
    auto id = path_id(ctx);
    if (auto* p = problem_in(id)) return fail(ctx, *p);
    auto version = required_version(ctx, {"用户", "user"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto change = decode_account_change(ctx.request.body);
    if (auto* p = problem_in(change)) return fail(ctx, *p);
    auto issued = ctx.services.auth.update_user(ctx.who(), std::get<std::int64_t>(id), std::get<std::int64_t>(version),
                                                std::get<service::AccountChange>(change));
    if (!issued) return fail(ctx, issued.error());
    return account_response(ctx, 200, *issued);
}

Response list_tokens(Context& ctx) {
    auto tokens = ctx.services.auth.list_tokens(ctx.who());
    if (!tokens) return fail(ctx, tokens.error());
    json::array items;
    for (const auto& t : *tokens) items.push_back(token_json(t));
    return json_response(200, {{"items", std::move(items)}});
}

Response create_token(Context& ctx) {
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto request = decode_token_request(ctx.request.body);
    if (auto* p = problem_in(request)) return fail(ctx, *p);
    const auto& r = std::get<TokenRequest>(request);
    auto issued = ctx.services.auth.issue_token(ctx.who(), r.label, r.days);
    if (!issued) return fail(ctx, issued.error());
    json::object body = token_json(issued->info);
    body["token"] = issued->token;
    return json_response(201, body);
}

Response revoke_token(Context& ctx) {
    auto revoked = ctx.services.auth.revoke_token(ctx.who(), ctx.params.at(0));
    if (!revoked) return fail(ctx, revoked.error());
    Response res;
    res.status = 204;
    return res;
}

}  // namespace

void add_account_routes(Router& router) {
    router.add("POST", "/api/v1/session/password", change_password, Access::kSignedInPasswordPending);
    router.add("GET", "/api/v1/users", list_users);
    router.add("POST", "/api/v1/users", create_user);
    router.add("PATCH", "/api/v1/users/{id}", update_user);
    router.add("GET", "/api/v1/tokens", list_tokens);
    router.add("POST", "/api/v1/tokens", create_token);
    router.add("DELETE", "/api/v1/tokens/{id}", revoke_token);
}

}  // namespace sanpi::http
