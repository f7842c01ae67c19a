#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/user.hpp"
#include "service/clock.hpp"
#include "service/credential_cache.hpp"
#include "service/login_throttle.hpp"
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

struct AuthOptions {
    static constexpr store::Timestamp kDefaultIdleTimeout = 30 * 60;
    store::Timestamp idle_timeout = kDefaultIdleTimeout;  // a session unused this long ends
};

// An account as an administrator asks for it. scope: as for add_user; password: none generates a
// temporary one. Either way the person must change it at first log-in.
struct AccountDraft {
    std::string name;
    domain::Role role = domain::Role::kZone;
    std::string scope;
    std::string display_name;
    std::optional<std::string> password;
};

// What an administrator changes; fields left empty stay as they are.
struct AccountChange {
    std::optional<bool> active;
    std::optional<domain::Role> role;
    std::optional<std::string> scope;
    std::optional<std::string> display_name;
    bool reset_password = false;  // a new temporary password, returned once
};

struct IssuedAccount {
    domain::User user;
    std::string temporary_password;  // shown once; empty when the administrator gave the password
};

// An account in the user list, with its scope text (account_scope_text).
struct ListedAccount {
    domain::User user;
    std::string scope;
};

struct TokenInfo {
    std::string id;
    std::string label;
    store::Timestamp created_at = 0;
    std::optional<store::Timestamp> expires_at;
};

struct IssuedToken {
    TokenInfo info;
    std::string token;  // shown once; only its hash is stored
};

// Authenticating a request reads the store only when the credential is not in the cache
// (credential_cache.hpp states the bound for changes made elsewhere). A session ends
// kSessionLifetime after its log-in (absolute) or `idle_timeout` after it was last seen. Its
// last-seen time is written at most once per kLastSeenStep, and only when a request misses the
// cache, so an active session costs one small write a minute, not one per request; the price is
// that a session may end up to kLastSeenStep before `idle_timeout` has fully passed.
class AuthService {
public:
    static constexpr store::Timestamp kSessionLifetime = 12 * 3600;
    static constexpr store::Timestamp kLastSeenStep = 60;
    static constexpr int kMaxTokenDays = 366;

    AuthService(store::Store& store, const Clock& clock, CredentialCacheOptions cache = {}, AuthOptions options = {})
        : store_(store), clock_(clock), options_(options), cache_(std::make_unique<CredentialCache>(cache)) {}

    // Wrong name and wrong password give the same kUnauthorized answer. `address`: the client's,
    // for throttling (login_throttle.hpp); ask login_retry_after first.
    Result<LoginResult> login(std::string_view name, std::string_view password, std::string_view address = {});
    // Seconds the caller must wait before trying to log in as `name` from `address`; none: now.
    // Read from the counts every server shares (login_throttle.hpp).
    Result<std::optional<store::Timestamp>> login_retry_after(std::string_view name, std::string_view address);
    // The caller's own password, checked against the current one. Clears a forced change and
    // ends every other session of the user (keep_session_token: the caller's own, if any).
    Result<void> change_password(const Principal& who, std::string_view keep_session_token,
                                 std::string_view current_password, std::string_view new_password);

    // User administration: the province manages every account, a city the zone accounts of its
    // own zones; anyone else is refused. Accounts are disabled, never deleted.
    // The list reads each account's scope with it, in one query.
    Result<std::vector<ListedAccount>> list_users(const Principal& who);
    Result<IssuedAccount> create_user(const Principal& who, const AccountDraft& draft);
    Result<IssuedAccount> update_user(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                      const AccountChange& change);
    // The code of a zone account's zone, or the region code, or "national": the scope text.
    Result<std::string> scope_text(const domain::User& user);

    // Names of active accounts whose password is `password` (serve refuses to listen beyond
    // loopback while the demo's public password still opens any account).
    Result<std::vector<std::string>> accounts_with_password(std::string_view password);

    // The caller's own API tokens; days: 1..kMaxTokenDays.
    Result<IssuedToken> issue_token(const Principal& who, std::string_view label, int days);
    Result<std::vector<TokenInfo>> list_tokens(const Principal& who);
    Result<void> revoke_token(const Principal& who, std::string_view token_id);
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
    // must_change_password: the password is a temporary one the person changes at first log-in.
    Result<domain::User> add_user(std::string_view name, domain::Role role, std::string_view scope,
                                  std::string_view password, bool must_change_password = false);
    // A new temporary password (generated), to be changed at the next log-in; every session of
    // the account ends. Returns the password, to be shown once.
    Result<std::string> reset_password(std::string_view name);
    // Every account, by name (the CLI's list).
    Result<std::vector<domain::User>> all_users();
    // Sets a new password for an existing user (used by `sanpi demo` to refresh demo accounts).
    Result<void> set_password(std::string_view name, std::string_view password);
    // A new bearer token for the user; returned once, stored only as a hash.
    // days: 0 for no expiry (the CLI's scripts), else 1..kMaxTokenDays.
    Result<std::string> create_api_token(std::string_view user_name, std::string_view label, int days = 0);

    static Principal principal_for(const domain::User& user);

private:
    // The session of an accepted log-in, stored with its audit entry.
    Result<LoginResult> open_session(const domain::User& user);
    // Applies `change` to the named user, records it and forgets the user's cached credentials.
    template <class Change>
    Result<void> change_user(std::string_view name, Change change);

    // Records the end of `user`'s other sessions and forgets their cached credentials.
    Result<void> end_other_sessions(store::Tx& tx, std::int64_t user_id, std::string_view keep_hash);
    // May `who` manage `target`? field: what the refusal names.
    Result<void> may_manage(store::Tx& tx, const Principal& who, const domain::User& target, std::string_view field);
    // Checks, writes and records an administrator's change of `before` into `after`.
    Result<void> save_account(store::Tx& tx, const Principal& who, const domain::User& before, domain::User& after,
                              std::string_view action);

    store::Store& store_;
    const Clock& clock_;
    AuthOptions options_;
    std::unique_ptr<CredentialCache> cache_;  // behind a pointer so the service stays movable
};

}  // namespace sanpi::service
