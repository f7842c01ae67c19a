#include "service/auth_service.hpp"

#include <algorithm>

#include "domain/region_code.hpp"
#include "service/audit_fields.hpp"
#include "service/account_scope.hpp"
#include "service/audit_trail.hpp"
#include "service/password_policy.hpp"
#include "service/secrets.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::Role;
using domain::User;
using store::Tx;

namespace {

constexpr std::size_t kKeyPrefix = kCacheKeyPrefix;
std::string session_key(const std::string& hash) { return session_cache_key(hash); }
std::string token_key(const std::string& hash) { return token_cache_key(hash); }

Error bad_credentials() {
    return Error::unauthorized("用户名或密码错误", "wrong user name or password");
}

std::vector<FieldError> check_account(std::string_view name, std::string_view password) {
    std::vector<FieldError> errors;
    if (!valid_account_name(name)) {
        errors.push_back({"user", {"用户名须为 2–64 位小写字母、数字或 . _ -", "user name must be 2-64 of a-z 0-9 . _ -"}});
    }
    if (auto bad = check_new_password(password, name, "password")) errors.push_back(std::move(*bad));
    return errors;
}

// Why a log-in failed, recorded on the account it named; never the name or password typed, which
// may hold a password typed into the wrong box. Unknown names are recorded too (entity id 0), so
// a failure costs the same whether or not the account exists.
AuditEvent login_failure(const std::optional<User>& user) {
    std::string reason = !user ? "unknown_user" : (!user->active ? "account_disabled" : "wrong_password");
    return {"session.login_failed", "user", user ? user->id : 0, {{"reason", std::nullopt, std::move(reason)}}};
}

}  // namespace

Principal AuthService::principal_for(const User& user) { return Principal{user, user.scope()}; }

Result<std::optional<store::Timestamp>> AuthService::login_retry_after(std::string_view name,
                                                                       std::string_view address) {
    std::vector<std::string> hashes;
    for (auto& key : LoginThrottle::keys(name, address)) hashes.push_back(std::move(key.hash));
    auto counted =
        store::read_value<std::vector<store::LoginFailures>>(store_, [&](Tx& tx) { return tx.login_failures(hashes); });
    if (!counted) return counted.error();
    std::optional<store::Timestamp> wait;
    for (const auto& f : *counted) {
        if (auto w = LoginThrottle::wait(f, clock_.now()); w && (!wait || *wait < *w)) wait = w;
    }
    return wait;
}

Result<LoginResult> AuthService::login(std::string_view name, std::string_view password, std::string_view address) {
    auto user = store::read_value<std::optional<User>>(store_, [&](Tx& tx) { return tx.find_user_by_name(name); });
    if (!user) return user.error();
    bool accepted = false;
    if (!*user || !(*user)->active) {
        // Same work and answer as a wrong password, so names cannot be probed.
        static const std::string dummy = secrets::hash_password("not-a-real-password").value();
        (void)secrets::verify_password(dummy, password);
    } else {
        accepted = secrets::verify_password((*user)->password_hash, password);
    }
    if (!accepted) {
        // The failure is counted and audited in one transaction: a lock-out is never without its
        // record, and every server sees the count at once.
        auto recorded = store_.write([&](Tx& tx) -> Result<void> {
            const auto now = clock_.now();
            bool locked = false;
            for (const auto& key : LoginThrottle::keys(name, address)) {
                auto counted = tx.lock_login_failures(key.hash);
                if (!counted) return counted.error();
                const auto after = LoginThrottle::after_failure(*counted, key.free_failures, now);
                if (auto r = tx.put_login_failures(after); !r) return r;
                locked = LoginThrottle::starts_lockout(after, key.free_failures) || locked;
            }
            auto purged = tx.purge_login_failures(now - LoginThrottle::kForgetAfterSeconds, now);
            if (!purged) return purged.error();
            if (auto r = AuditTrail(clock_).record(tx, Actor::anonymous(), login_failure(*user)); !r) return r.error();
            if (!locked) return {};
            // The lock-out names the account only when it exists, like the failure above.
            AuditEvent lockout{"session.lockout", "user", *user ? (**user).id : 0, {}};
            if (auto r = AuditTrail(clock_).record(tx, Actor::anonymous(), std::move(lockout)); !r) return r.error();
            return {};
        });
        if (!recorded) return recorded.error();
        return bad_credentials();
    }
    return open_session(**user);
}

Result<LoginResult> AuthService::open_session(const User& user) {
    const auto now = clock_.now();
    LoginResult out{secrets::random_token(), secrets::random_token(), user, now + kSessionLifetime};
    store::SessionRecord record{secrets::token_hash(out.session_token), out.user.id, out.csrf_token, out.expires_at,
                                now};
    auto saved = store_.write([&](Tx& tx) -> Result<void> {
        // Expired and idle sessions of everyone go at each log-in, so the table holds live ones.
        if (auto r = tx.purge_sessions(now, now - options_.idle_timeout); !r) return r.error();
        // A log-in that succeeds clears its name's failures (not its address's).
        if (auto r = tx.clear_login_failures(LoginThrottle::name_key(user.name)); !r) return r;
        if (auto r = tx.insert_session(record); !r) return r;
        AuditEvent event{"session.login", "user", user.id,
                         {{"session.expires_at", std::nullopt, std::to_string(out.expires_at)}}};
        if (auto r = AuditTrail(clock_).record(tx, Actor::of(user), std::move(event)); !r) return r.error();
        return {};
    });
    if (!saved) return saved.error();
    return out;
}

Result<SessionPrincipal> AuthService::authenticate_session(std::string_view session_token) {
    const std::string key = session_key(secrets::token_hash(session_token));
    // A cached answer serves until the session's last-seen time is a step old; then the store is
    // read (and the time recorded), so activity served from the cache still counts against idling.
    if (auto hit = cache_->find(key, clock_.now()); hit && clock_.now() - hit->last_seen_at < kLastSeenStep) {
        return SessionPrincipal{std::move(hit->principal), std::move(hit->csrf_token)};
    }
    const auto generation = cache_->generation();
    const auto now = clock_.now();
    const std::string_view hash = std::string_view(key).substr(kKeyPrefix);
    bool idle = false;
    auto found = store::read_value<CachedCredential>(store_, [&](Tx& tx) -> Result<CachedCredential> {
        auto session = tx.find_session(hash, now);
        if (!session) return session.error();
        idle = *session && (*session)->last_seen_at + options_.idle_timeout <= now;
        if (!*session || idle) return Error::unauthorized("登录已过期，请重新登录", "session expired; log in again");
        auto user = tx.get_user((*session)->user_id);
        if (!user) return user.error();
        if (!*user || !(*user)->active) return Error::unauthorized("账号已停用", "account disabled");
        return CachedCredential{principal_for(**user), (*session)->csrf_token, (*session)->expires_at,
                                (*session)->last_seen_at};
    });
    if (!found) {
        // An idle session ends for good when it is found idle, not only at the next purge.
        if (idle) (void)store_.write([&](Tx& tx) { return tx.delete_session(hash); });
        return found.error();
    }
    // Seen now: recorded when the stored time is a step old, so an active session writes once a
    // minute at most (and only on a cache miss). A database that takes no writes for now (disk
    // full, read-only, busy) still lets the session read: its older time only ends it sooner.
    if (now - found->last_seen_at >= kLastSeenStep) {
        auto touched = store_.write([&](Tx& tx) { return tx.touch_session(hash, now); });
        if (touched) {
            found->last_seen_at = now;
        } else if (touched.error().code != ErrorCode::kUnavailable) {
            return touched.error();
        }
    }
    found->expires_at = std::min(found->expires_at, found->last_seen_at + options_.idle_timeout);
    cache_->put(key, *found, generation);
    return SessionPrincipal{std::move(found->principal), std::move(found->csrf_token)};
}

Result<Principal> AuthService::authenticate_bearer(std::string_view token) {
    const std::string key = token_key(secrets::token_hash(token));
    if (auto hit = cache_->find(key, clock_.now())) return std::move(hit->principal);
    const auto generation = cache_->generation();
    auto found = store::read_value<CachedCredential>(store_, [&](Tx& tx) -> Result<CachedCredential> {
        auto holder = tx.find_user_by_token_hash(std::string_view(key).substr(kKeyPrefix), clock_.now());
        if (!holder) return holder.error();
        if (!*holder || !(*holder)->user.active) return Error::unauthorized("令牌无效", "invalid API token");
        return CachedCredential{principal_for((*holder)->user), {}, (*holder)->expires_at.value_or(0)};
    });
    if (!found) return found.error();
    cache_->put(key, *found, generation);
    return std::move(found->principal);
}

Result<void> AuthService::logout(std::string_view session_token) {
    auto hash = secrets::token_hash(session_token);
    auto ended = store_.write([&](Tx& tx) -> Result<void> {
        auto session = tx.find_session(hash, clock_.now());
        if (!session) return session.error();
        if (auto r = tx.delete_session(hash); !r) return r;
        if (!*session) return {};  // already expired or gone: nobody ended anything
        auto user = tx.get_user((*session)->user_id);
        if (!user) return user.error();
        const Actor actor = *user ? Actor::of(**user) : Actor{(*session)->user_id, ""};
        AuditEvent event{"session.logout", "user", (*session)->user_id,
                         {{"session.expires_at", std::to_string((*session)->expires_at), std::nullopt}}};
        if (auto r = AuditTrail(clock_).record(tx, actor, std::move(event)); !r) return r.error();
        return {};
    });
    // Forgotten after the commit: a look-up racing with it cannot cache the old row (generation).
    cache_->forget(session_key(hash));
    return ended;
}

Result<void> AuthService::revoke_api_token(std::string_view token) {
    auto hash = secrets::token_hash(token);
    auto revoked = store_.write([&](Tx& tx) -> Result<void> {
        auto owner = tx.delete_api_token(hash);
        if (!owner) return owner.error();
        if (!*owner) return Error::not_found("令牌", "API token");
        AuditEvent event{"token.revoke", "user", **owner, {}};
        if (auto r = AuditTrail(clock_).record(tx, Actor::system(), std::move(event)); !r) return r.error();
        return {};
    });
    cache_->forget(token_key(hash));
    return revoked;
}

template <class Change>
Result<void> AuthService::change_user(std::string_view name, Change change) {
    std::int64_t user_id = 0;
    auto changed = store_.write([&](Tx& tx) -> Result<void> {
        auto user = tx.find_user_by_name(name);
        if (!user) return user.error();
        if (!*user) return Error::not_found("用户", "user");
        User after = **user;
        if (auto r = change(tx, after); !r) return r;
        if (auto r = tx.update_user(after, after.version); !r) return r;
        user_id = after.id;
        auto recorded =
            AuditTrail(clock_).record(tx, Actor::system(), {"user.update", "user", after.id, user_changes(**user, after)});
        if (!recorded) return recorded.error();
        return {};
    });
    if (user_id != 0) cache_->forget_user(user_id);
    return changed;
}

Result<void> AuthService::set_active(std::string_view name, bool active) {
    return change_user(name, [&](Tx&, User& user) -> Result<void> {
        user.active = active;
        return {};
    });
}

Result<void> AuthService::set_role(std::string_view name, Role role, std::string_view scope) {
    return change_user(name, [&](Tx& tx, User& user) -> Result<void> {
        user.role = role;
        user.region = {};
        user.zone_id.reset();
        return resolve_account_scope(tx, user, scope);
    });
}

Result<User> AuthService::add_user(std::string_view name, Role role, std::string_view scope,
                                   std::string_view password, bool must_change_password) {
    auto errors = check_account(name, password);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    auto hash = secrets::hash_password(password);
    if (!hash) return hash.error();
    return store::write_value<User>(store_, [&](Tx& tx) -> Result<User> {
        User user;
        user.name = std::string(name);
        user.role = role;
        user.password_hash = *hash;
        user.must_change_password = must_change_password;
        if (auto r = resolve_account_scope(tx, user, scope); !r) return r.error();
        auto id = tx.insert_user(user);
        if (!id) return id.error();
        user.id = *id;
        user.version = 1;
        auto recorded =
            AuditTrail(clock_).record(tx, Actor::system(), {"user.create", "user", user.id, user_changes(std::nullopt, user)});
        if (!recorded) return recorded.error();
        return user;
    });
}

Result<void> AuthService::set_password(std::string_view name, std::string_view password) {
    auto errors = check_account(name, password);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    auto hash = secrets::hash_password(password);
    if (!hash) return hash.error();
    return change_user(name, [&](Tx&, User& user) -> Result<void> {
        user.password_hash = *hash;
        return {};
    });
}

Result<std::string> AuthService::reset_password(std::string_view name) {
    const std::string password = temporary_password();
    auto hash = secrets::hash_password(password);
    if (!hash) return hash.error();
    auto changed = change_user(name, [&](Tx& tx, User& user) -> Result<void> {
        user.password_hash = *hash;
        user.must_change_password = true;
        auto ended = tx.delete_user_sessions(user.id, "");
        if (!ended) return ended.error();
        return {};
    });
    if (!changed) return changed.error();
    return password;
}

Result<std::vector<User>> AuthService::all_users() {
    return store::read_value<std::vector<User>>(store_, [&](Tx& tx) { return tx.list_users(std::nullopt); });
}

Result<std::string> AuthService::create_api_token(std::string_view user_name, std::string_view label, int days) {
    if (days < 0 || days > kMaxTokenDays) {
        return Error::invalid_field("days", "有效天数须为 1–366", "days must be 1-366");
    }
    std::string token = secrets::random_token();
    std::optional<store::Timestamp> expires;
    if (days > 0) expires = clock_.now() + static_cast<store::Timestamp>(days) * 86400;
    auto saved = store_.write([&](Tx& tx) -> Result<void> {
        auto user = tx.find_user_by_name(user_name);
        if (!user) return user.error();
        if (!*user) return Error::not_found("用户", "user");
        if (auto r = tx.insert_api_token(
                {secrets::token_hash(token), (*user)->id, std::string(label), clock_.now(), {}, expires}); !r) {
            return r;
        }
        AuditEvent event{"token.create", "user", (*user)->id, {{"token.label", std::nullopt, std::string(label)}}};
        if (auto r = AuditTrail(clock_).record(tx, Actor::system(), std::move(event)); !r) return r.error();
        return {};
    });
    if (!saved) return saved.error();
    return token;
}

}  // namespace sanpi::service
