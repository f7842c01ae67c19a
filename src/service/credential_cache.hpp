#pragma once
// A short-lived memory of whom a bearer token or session cookie belongs to, so that a request
// costs no store round trip for its credentials.
//
// The bound: this process forgets an entry the moment it changes what the entry says (logout,
// token revocation, password, active flag or role change, all through AuthService); a change
// made elsewhere (another server on the same PostgreSQL, the CLI) is seen at the latest `ttl`
// after the entry was read from the store. Failed look-ups are never kept.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// Monotonic time for the cache's bound, injected so tests move it without sleeping.
class TickClock {
public:
    virtual ~TickClock() = default;
    virtual std::chrono::milliseconds now() const = 0;
};

class SteadyTickClock final : public TickClock {
public:
    std::chrono::milliseconds now() const override;
};

class ManualTickClock final : public TickClock {
public:
    std::chrono::milliseconds now() const override { return std::chrono::milliseconds(ms_.load()); }
    void advance(std::chrono::milliseconds by) { ms_ += by.count(); }

private:
    std::atomic<std::int64_t> ms_{0};
};

// Cache keys: the kind of credential, then the hash of its secret (never the secret itself).
inline constexpr std::size_t kCacheKeyPrefix = 2;
inline std::string session_cache_key(const std::string& hash) { return "s:" + hash; }
inline std::string token_cache_key(const std::string& hash) { return "t:" + hash; }

struct CachedCredential {
    Principal principal;
    std::string csrf_token;           // sessions only
    // When the credential ends (0: never): a session's earlier of the absolute and the idle
    // expiry, a token's expiry. find() answers nothing from then on, whatever the ttl.
    store::Timestamp expires_at = 0;
    store::Timestamp last_seen_at = 0;  // sessions only
};

struct CredentialCacheOptions {
    static constexpr std::chrono::milliseconds kDefaultTtl{2000};
    std::chrono::milliseconds ttl = kDefaultTtl;  // 0: no caching, every look-up reads the store
    std::size_t max_entries = 100'000;            // when full, expired entries go, else all
    const TickClock* clock = nullptr;             // null: the steady clock
};

class CredentialCache {
public:
    explicit CredentialCache(CredentialCacheOptions options);

    // The entry, unless it is older than the ttl or its credential has expired at `now` (wall
    // clock, Unix seconds).
    std::optional<CachedCredential> find(const std::string& key, store::Timestamp now) const;
    // Taken before reading the store; put() keeps nothing if anything was forgotten since, so a
    // read that raced with a logout or revocation cannot bring the old answer back.
    std::uint64_t generation() const;
    void put(const std::string& key, CachedCredential value, std::uint64_t generation_before_read);
    void forget(const std::string& key);
    void forget_user(std::int64_t user_id);
    std::size_t size() const;

private:
    struct Entry {
        CachedCredential value;
        std::chrono::milliseconds read_at;
    };

    std::chrono::milliseconds now() const { return clock_->now(); }

    CredentialCacheOptions options_;
    SteadyTickClock steady_;
    const TickClock* clock_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    std::uint64_t generation_ = 0;
};

}  // namespace sanpi::service
