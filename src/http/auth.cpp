#include "http/auth.hpp"

#include <algorithm>
#include <cctype>

namespace sanpi::http {

namespace {

constexpr long kSessionMaxAge = service::AuthService::kSessionLifetime;

std::string_view cookie_name(bool secure) { return secure ? kSecureSessionCookie : kSessionCookie; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Compares secrets without stopping at the first differing byte, so timing reveals nothing.
bool same_secret(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Problem unauthorized() { return problem_for(Error::unauthorized("请先登录", "sign in first")); }

std::variant<Caller, Problem> from_bearer(std::string_view header, service::AuthService& auth) {
    constexpr std::string_view kScheme = "bearer ";
    std::string scheme(header.substr(0, kScheme.size()));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string_view token = trim(header.substr(std::min(header.size(), kScheme.size())));
    if (scheme != kScheme || token.empty()) return unauthorized();
    auto principal = auth.authenticate_bearer(token);
    if (!principal) return problem_for(principal.error());
    return Caller{std::move(*principal), false, {}, {}};
}

std::variant<Caller, Problem> from_cookie(const Request& request, std::string token, service::AuthService& auth) {
    auto session = auth.authenticate_session(token);
    if (!session) return problem_for(session.error());
    if (is_unsafe_method(request.method) &&
        !same_secret(request.header(kCsrfHeader).value_or(""), session->csrf_token)) {
        return problem_for(
            Error::forbidden("缺少或错误的 CSRF 令牌（X-CSRF-Token）", "missing or wrong CSRF token (X-CSRF-Token)"));
    }
    return Caller{std::move(session->principal), true, std::move(token), std::move(session->csrf_token)};
}

}  // namespace

std::variant<Caller, Problem> authenticate(const Request& request, service::AuthService& auth, bool secure) {
    if (auto header = request.header("authorization")) return from_bearer(*header, auth);
    if (auto token = find_session_cookie(request, secure)) return from_cookie(request, std::move(*token), auth);
    return unauthorized();
}

std::optional<std::string> find_session_cookie(const Request& request, bool secure) {
    for (const auto& [name, value] : request.headers) {
        if (name != "cookie") continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            auto semi = rest.find(';');
            std::string_view pair = trim(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? "" : rest.substr(semi + 1);
            auto eq = pair.find('=');
            if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == cookie_name(secure)) {
                auto token = trim(pair.substr(eq + 1));
                if (!token.empty()) return std::string(token);
            }
        }
    }
    return std::nullopt;
}

std::string session_cookie(std::string_view token, bool secure) {
    return std::string(cookie_name(secure)) + "=" + std::string(token) +
           "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(kSessionMaxAge) +
           (secure ? "; Secure" : "");
}

std::string cleared_session_cookie(bool secure) {
    return std::string(cookie_name(secure)) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (secure ? "; Secure" : "");
}

}  // namespace sanpi::http
