#pragma once
// Who is calling: a bearer API token (scripts) or the session cookie plus CSRF token (browsers).
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "http/context.hpp"
#include "service/auth_service.hpp"

namespace sanpi::http {

inline constexpr std::string_view kSessionCookie = "sanpi_session";
// Behind TLS the cookie is "__Host-sanpi_session": browsers accept it only with Secure, Path=/ and
// no Domain, so a sibling host cannot plant one. Then only that name is read.
inline constexpr std::string_view kSecureSessionCookie = "__Host-sanpi_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

// 401 without valid credentials; 403 for a cookie request with an unsafe method and no
// matching X-CSRF-Token (a bearer token cannot be sent by a foreign page, so it needs none).
std::variant<Caller, Problem> authenticate(const Request& request, service::AuthService& auth, bool secure);

std::optional<std::string> find_session_cookie(const Request& request, bool secure);
std::string session_cookie(std::string_view token, bool secure);  // a Set-Cookie value
std::string cleared_session_cookie(bool secure);

}  // namespace sanpi::http
