#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "service/clock.hpp"
#include "service/credential_cache.hpp"
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

// Authenticating a request reads the store only when the credential is not in the cache
// (credential_cache.hpp states the bound for changes made elsewhere) and never writes: a session
// lives a fixed kSessionLifetime from its log-in, with no sliding expiry and no last-seen time,
// so there is nothing to record per request.
class AuthService {
public:
    static constexpr store::Timestamp kSessionLifetime = 12 * 3600;

    AuthService(store::Store& store, const Clock& clock, CredentialCacheOptions cache = {})
        : store_(store), clock_(clock), cache_(std::make_unique<CredentialCache>(cache)) {}

    // Wrong name and wrong password give the same kUnauthorized answer.
    Result<LoginResult> login(std::string_view name, std::string_view password);
    Result<SessionPrincipal> authenticate_session(std::string_view session_token);
    Result<Principal> authenticate_bearer(std::string_view token);
    Result<void> logout(std::string_view session_token);

    // Changes that end or alter what a credential grants; each takes effect at once in this
    // process and within the cache's ttl in every other.
    Result<void> revoke_api_token(std::string_view token);
    Result<void> set_active(std::string_view name, bool active);
    Result<void> set_role(std::string_view name, domain::Role role, std::string_view scope);

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
    // Applies `change` to the named user, records it and forgets the user's cached credentials.
    template <class Change>
    Result<void> change_user(std::string_view name, Change change);

    store::Store& store_;
    const Clock& clock_;
    std::unique_ptr<CredentialCache> cache_;  // behind a pointer so the service stays movable
};

}  // namespace sanpi::service
