#include "service/login_throttle.hpp"

#include <algorithm>

namespace sanpi::service {

namespace {
std::string name_key(std::string_view name) { return "n:" + std::string(name); }
std::string address_key(std::string_view address) { return "a:" + std::string(address); }
bool counted_address(std::string_view address) {
    return !address.empty() && !address.starts_with("127.") && address != "::1" && address != "::ffff:127.0.0.1";
}
}  // namespace

std::optional<store::Timestamp> LoginThrottle::wait_for(const std::string& key, store::Timestamp now) const {
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.locked_until <= now) return std::nullopt;
    return it->second.locked_until - now;
}

std::optional<store::Timestamp> LoginThrottle::retry_after(std::string_view name, std::string_view address) const {
    const auto now = clock_.now();
    std::lock_guard lock(mutex_);
    auto by_name = wait_for(name_key(name), now);
    auto by_address = counted_address(address) ? wait_for(address_key(address), now) : std::nullopt;
    if (!by_name) return by_address;
    if (!by_address) return by_name;
    return std::max(*by_name, *by_address);
}

bool LoginThrottle::fail(const std::string& key, int free_failures, store::Timestamp now) {
    if (entries_.size() >= kMaxKeys && !entries_.contains(key)) {
        std::erase_if(entries_, [&](const auto& e) {
            return e.second.locked_until <= now && now - e.second.last_failure > kForgetAfterSeconds;
        });
        if (entries_.size() >= kMaxKeys) return false;  // full of live lock-outs: count no more
    }
    Entry& e = entries_[key];
    if (now - e.last_failure > kForgetAfterSeconds) e.failures = 0;
    ++e.failures;
    e.last_failure = now;
    const int over = e.failures - free_failures;
    if (over <= 0) return false;
    const store::Timestamp lock =
        over >= 10 ? kMaxLockSeconds : std::min<store::Timestamp>(1LL << over, kMaxLockSeconds);
    e.locked_until = now + lock;
    return over == 1;
}

bool LoginThrottle::record_failure(std::string_view name, std::string_view address) {
    const auto now = clock_.now();
    std::lock_guard lock(mutex_);
    bool started = fail(name_key(name), kFreeFailuresPerName, now);
    if (counted_address(address)) started = fail(address_key(address), kFreeFailuresPerAddress, now) || started;
    return started;
}

void LoginThrottle::record_success(std::string_view name) {
    std::lock_guard lock(mutex_);
    entries_.erase(name_key(name));
}

}  // namespace sanpi::service
