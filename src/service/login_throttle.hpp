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
// The counts are kept in the database (login_throttle, migration 24), written in the failure's
// own transaction beside its audit entry: every server sharing the database shares them, and a
// restart forgets nothing. Keys are hashed: the name typed may be a password typed into the wrong
// box. This file is the policy; AuthService reads and writes the counts.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace sanpi::service {

class LoginThrottle {
public:
    static constexpr int kFreeFailuresPerName = 5;
    static constexpr int kFreeFailuresPerAddress = 20;
    static constexpr store::Timestamp kMaxLockSeconds = 15 * 60;
    static constexpr store::Timestamp kForgetAfterSeconds = 60 * 60;

    // A key an attempt is counted under, and how many failures it has free.
    struct Key {
        std::string hash;
        int free_failures = 0;
    };
    // The attempt's keys: its account name, and its address unless that is loopback or unknown.
    static std::vector<Key> keys(std::string_view name, std::string_view address);
    static std::string name_key(std::string_view name);

    // Seconds until `counted` lets its key try again; none: now.
    static std::optional<store::Timestamp> wait(const store::LoginFailures& counted, store::Timestamp now);
    // `counted` after one more failure at `now`.
    static store::LoginFailures after_failure(store::LoginFailures counted, int free_failures, store::Timestamp now);
    // Whether the failure that made `after` started a lock-out (the first failure past the free ones).
    static bool starts_lockout(const store::LoginFailures& after, int free_failures) {
        return after.failures == free_failures + 1;
    }
};

}  // namespace sanpi::service
