#pragma once
// Migration 24: log-in failures counted in the database, so every server behind a proxy shares
// one count per account name and per client address and a restart forgets nothing
// (service/login_throttle.hpp). The key is a hash: the name typed may be a password typed into the
// wrong box, and an address is personal data. Rows go an hour after their last failure.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0024LoginThrottle = R"sql(
CREATE TABLE login_throttle (
    key_hash     TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    last_failure BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure);
)sql";

}  // namespace sanpi::store::migrations
