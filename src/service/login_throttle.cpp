#include "service/login_throttle.hpp"

#include <algorithm>

#include "service/secrets.hpp"

namespace sanpi::service {

namespace {
bool counted_address(std::string_view address) {
    return !address.empty() && !address.starts_with("127.") && address != "::1" && address != "::ffff:127.0.0.1";
}
}  // namespace

std::string LoginThrottle::name_key(std::string_view name) { return secrets::token_hash("n:" + std::string(name)); }

std::vector<LoginThrottle::Key> LoginThrottle::keys(std::string_view name, std::string_view address) {
    std::vector<Key> out{{name_key(name), kFreeFailuresPerName}};
    if (counted_address(address)) {
        out.push_back({secrets::token_hash("a:" + std::string(address)), kFreeFailuresPerAddress});
    }
    return out;
}

std::optional<store::Timestamp> LoginThrottle::wait(const store::LoginFailures& counted, store::Timestamp now) {
    if (counted.locked_until <= now) return std::nullopt;
    return counted.locked_until - now;
}

store::LoginFailures LoginThrottle::after_failure(store::LoginFailures counted, int free_failures,
                                                  store::Timestamp now) {
    if (now - counted.last_failure > kForgetAfterSeconds) counted.failures = 0;
    ++counted.failures;
    counted.last_failure = now;
    const int over = counted.failures - free_failures;
    if (over > 0) {
        counted.locked_until =
            now + (over >= 10 ? kMaxLockSeconds : std::min<store::Timestamp>(1LL << over, kMaxLockSeconds));
    }
    return counted;
}

}  // namespace sanpi::service
