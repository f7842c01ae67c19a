#pragma once
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct LoginResult {
    std::string session_token;   // cookie value; only its hash is stored
    std::string csrf_token;      // must be echoed in X-CSRF-Token on unsafe requests
    domain::User user;
    store::Timestamp expires_at = 0;
};

struct SessionPrincipal {
    Principal principal;
    std::string csrf_token;
};

class AuthService {
public:
    static constexpr store::Timestamp kSessionLifetime = 12 * 3600;

    AuthService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Wrong name and wrong password give the same kUnauthorized answer.
    Result<LoginResult> login(std::string_view name, std::string_view password);
    Result<SessionPrincipal> authenticate_session(std::string_view session_token);
    Result<Principal> authenticate_bearer(std::string_view token);
    Result<void> logout(std::string_view session_token);

    // scope: a region code for province/city/supervisor/viewer users, a zone code for zone users.
    // Password: at least 8 characters. Name: [a-z0-9._-]{2,64}.
    Result<domain::User> add_user(std::string_view name, domain::Role role, std::string_view scope,
                                  std::string_view password);
    // Sets a new password for an existing user (used by `sanpi demo` to refresh demo accounts).
    Result<void> set_password(std::string_view name, std::string_view password);
    // A new bearer token for the user; returned once, stored only as a hash.
    Result<std::string> create_api_token(std::string_view user_name, std::string_view label);

    static Principal principal_for(const domain::User& user);

private:
    // The session of an accepted log-in, stored with its audit entry.
    Result<LoginResult> open_session(const domain::User& user);

    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
