#pragma once
// The callers and targets of the authorization matrix (authz_matrix_test.cpp): one object of
// every kind in one zone (the "home" zone), the demo accounts in and out of its scope, and
// credentials that must not work (revoked token, expired session, cookie without CSRF token).
// Built once per backend and kept: the matrix asks thousands of questions of the same data.
#include <array>
#include <map>
#include <string>

#include "client.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "http_fixture.hpp"

namespace sanpi::testing {

// The matrix's columns, in the order the table writes them.
enum class Who {
    kProvince,
    kCityIn,      // the city of the home zone
    kCityOut,     // another city
    kZoneIn,      // the home zone
    kZoneOut,     // a zone of the other city
    kSupervisor,  // province-wide, read-only + notices
    kViewer,      // province-wide viewer
    kViewerOut,   // a viewer of the other city only
    kAnonymous,   // no credentials
    kNoCsrf,      // the province's session cookie without X-CSRF-Token
    kRevoked,     // the province's revoked bearer token
    kExpired,     // the province's session cookie, past the session's lifetime
};
inline constexpr std::size_t kWhoCount = 12;
inline constexpr std::array<const char*, kWhoCount> kWhoNames = {
    "province", "city_in",    "city_out",  "zone_in",        "zone_out",      "supervisor",
    "viewer",   "viewer_out", "anonymous", "cookie_no_csrf", "revoked_token", "expired_session"};

struct AuthzWorld {
    std::array<HeaderList, kWhoCount> credentials;  // the headers each column sends
    std::map<std::string, std::string> ids;         // placeholder -> value: "project", "report", …
    std::map<std::string, std::string> bodies;      // "PUT /api/v1/warning-rules" -> the current rules
    std::string zone_code;                          // the home zone's code, for bodies
};

// The world of `env`'s backend, built on first use.
const AuthzWorld& authz_world(HttpEnv& env);

// A server and demo database of their own for the matrix and the hostile input tests, built
// once per backend: their allowed writes must not move the data the other suites share.
HttpEnv& authz_env(Backend backend);

class AuthzTest : public ::testing::TestWithParam<Backend> {
protected:
    HttpEnv& env() { return authz_env(GetParam()); }
    std::uint16_t port() { return env().port; }
    store::Store& store() { return *env().db->store; }
    const AuthzWorld& world() { return authz_world(env()); }
};

// A multipart/form-data body with a CSV `file` (and a `kind` field unless empty), and its header.
std::string authz_multipart(const std::string& csv, const std::string& kind);
HeaderList authz_multipart_headers();

// What a route is sent: its path with the world's ids, a body that parses (each call with a new
// `seq` in names that must be unique), a stale If-Match on writes.
struct Recipe {
    std::string target;
    std::string body;
    HeaderList headers;
};
Recipe recipe_for(const http::RouteInfo& route, const AuthzWorld& w, int seq);

// Every data table's row count and checksum but those that authenticating writes (sessions
// seen, tokens used): equal before and after means nothing was written.
std::string database_fingerprint(store::Store& s);

}  // namespace sanpi::testing
