#pragma once
// Log-in throttling with exponential back-off, per account name and per client address.
//
// An account name may fail kFreeFailuresPerName times, an address kFreeFailuresPerAddress times;
// each further failure locks that key for 2^(failures - free) seconds, at most kMaxLockSeconds.
// Loopback peers are not counted by address: behind a reverse proxy on the same host every
// request comes from 127.0.0.1, and counting them would let one guesser lock everybody out (no
// X-Forwarded-For is trusted, so there only the per-name limit applies).
// A key forgets its failures kForgetAfterSeconds after its last one; a log-in that succeeds
// clears its account name (not the address, so one valid account cannot unlock guessing at
// others). Unknown names are counted like known ones, so the answer says nothing about which
// accounts exist.
//
// The bound: the counts live in this process. N servers behind a proxy allow at most N times the
// attempts before locking, and a restart forgets them.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "service/clock.hpp"
#include "store/store.hpp"

namespace sanpi::service {

class LoginThrottle {
public:
    static constexpr int kFreeFailuresPerName = 5;
    static constexpr int kFreeFailuresPerAddress = 20;
    static constexpr store::Timestamp kMaxLockSeconds = 15 * 60;
    static constexpr store::Timestamp kForgetAfterSeconds = 60 * 60;
    static constexpr std::size_t kMaxKeys = 100'000;

    explicit LoginThrottle(const Clock& clock) : clock_(clock) {}

    // Seconds until the name or the address may try again; none: it may try now.
    std::optional<store::Timestamp> retry_after(std::string_view name, std::string_view address) const;
    // Records a failure; true when it started a lock-out of the name or the address.
    bool record_failure(std::string_view name, std::string_view address);
    void record_success(std::string_view name);

private:
    struct Entry {
        int failures = 0;
        store::Timestamp last_failure = 0;
        store::Timestamp locked_until = 0;
    };
    std::optional<store::Timestamp> wait_for(const std::string& key, store::Timestamp now) const;
    bool fail(const std::string& key, int free_failures, store::Timestamp now);

    const Clock& clock_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace sanpi::service
