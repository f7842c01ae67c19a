// POST/GET/DELETE /api/v1/session: browser sign-in with an HttpOnly cookie and a CSRF token.
#include "http/auth.hpp"
#include "http/codec.hpp"
#include "http/field_reader.hpp"
#include "http/handlers.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

struct Credentials {
    std::string username;
    std::string password;
};

std::variant<Credentials, Problem> read_credentials(const Context& ctx) {
    if (auto p = require_json_body(ctx)) return *p;
    auto body = parse_object(ctx.request.body);
    if (auto* p = problem_in(body)) return *p;
    FieldReader reader;
    Credentials out;
    for (const auto& [key, value] : std::get<json::object>(body)) {
        if (key == "username") {
            out.username = reader.string(value, "username").value_or("");
        } else if (key == "password") {
            out.password = reader.string(value, "password").value_or("");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (!reader.malformed().empty()) {
        return bad_request({"请求体应为 {\"username\", \"password\"}", "the body must be {\"username\", \"password\"}"},
                           reader.malformed());
    }
    return out;
}

Response login(Context& ctx) {
    auto credentials = read_credentials(ctx);
    if (auto* p = problem_in(credentials)) return fail(ctx, *p);
    const auto& [username, password] = std::get<Credentials>(credentials);
    // Refused before any hashing: a locked name or address costs the server nothing. The same
    // answer whether or not the account exists (login_throttle.hpp).
    auto wait = ctx.services.auth.login_retry_after(username, ctx.request.remote);
    if (!wait) return fail(ctx, wait.error());
    if (*wait) {
        auto res = fail(ctx, protocol_problem(429, {"登录失败次数过多，请稍后再试", "too many failed log-ins; try again later"}));
        res.set("Retry-After", std::to_string(**wait));
        return res;
    }
    auto result = ctx.services.auth.login(username, password, ctx.request.remote);
    if (!result) return fail(ctx, result.error());
    auto res = json_response(200, {{"user", to_json(service::AuthService::principal_for(result->user))},
                                   {"csrf_token", result->csrf_token}});
    res.set("Set-Cookie", session_cookie(result->session_token, ctx.config.secure_cookies));
    return res;
}

Response current_session(Context& ctx) {
    json::value csrf = ctx.caller->via_cookie ? json::value(ctx.caller->csrf_token) : json::value(nullptr);
    return json_response(200, {{"user", to_json(ctx.who())}, {"csrf_token", std::move(csrf)}});
}

Response logout(Context& ctx) {
    if (ctx.caller->via_cookie) {
        if (auto r = ctx.services.auth.logout(ctx.caller->session_token); !r) return fail(ctx, r.error());
    }
    Response res;
    res.status = 204;
    res.set("Set-Cookie", cleared_session_cookie(ctx.config.secure_cookies));
    return res;
}

}  // namespace

void add_session_routes(Router& router) {
    router.add("POST", kSessionPath, login, Access::kPublic);
    router.add("GET", kSessionPath, current_session, Access::kSignedInPasswordPending);
    router.add("DELETE", kSessionPath, logout, Access::kSignedInPasswordPending);
}

}  // namespace sanpi::http
