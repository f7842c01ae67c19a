#include "service/credential_cache.hpp"

#include <mutex>

namespace sanpi::service {

std::chrono::milliseconds SteadyTickClock::now() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

CredentialCache::CredentialCache(CredentialCacheOptions options)
    : options_(options), clock_(options.clock != nullptr ? options.clock : &steady_) {}

std::optional<CachedCredential> CredentialCache::find(const std::string& key, store::Timestamp now_at) const {
    if (options_.ttl.count() <= 0) return std::nullopt;
    std::shared_lock lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || now() - it->second.read_at >= options_.ttl) return std::nullopt;
    // An expired credential stops at its expiry, not up to a ttl later.
    const auto expires_at = it->second.value.expires_at;
    if (expires_at != 0 && expires_at <= now_at) return std::nullopt;
    return it->second.value;
}

std::uint64_t CredentialCache::generation() const {
    std::shared_lock lock(mutex_);
    return generation_;
}

void CredentialCache::put(const std::string& key, CachedCredential value, std::uint64_t generation_before_read) {
    if (options_.ttl.count() <= 0) return;
    std::unique_lock lock(mutex_);
    if (generation_ != generation_before_read) return;
    const auto at = now();
    if (entries_.size() >= options_.max_entries && !entries_.contains(key)) {
        std::erase_if(entries_, [&](const auto& e) { return at - e.second.read_at >= options_.ttl; });
        if (entries_.size() >= options_.max_entries) entries_.clear();
    }
    entries_.insert_or_assign(key, Entry{std::move(value), at});
}

void CredentialCache::forget(const std::string& key) {
    std::unique_lock lock(mutex_);
    ++generation_;
    entries_.erase(key);
}

void CredentialCache::forget_user(std::int64_t user_id) {
    std::unique_lock lock(mutex_);
    ++generation_;
    std::erase_if(entries_, [&](const auto& e) { return e.second.value.principal.user.id == user_id; });
}

std::size_t CredentialCache::size() const {
    std::shared_lock lock(mutex_);
    return entries_.size();
}

}  // namespace sanpi::service
