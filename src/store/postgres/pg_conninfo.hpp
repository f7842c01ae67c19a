#pragma once
// Turns a --db URL into libpq connection parameters with the limits every session gets, so no
// request can wait forever on the network, a lock or a runaway statement.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::store::postgres {

struct PgOptions {
    std::size_t max_connections = 8;               // per Store; requests beyond wait for one
    std::chrono::milliseconds acquire_wait{5000};  // for a free connection, then kUnavailable
    int connect_timeout_s = 5;                     // unless the URL sets connect_timeout
    int statement_timeout_ms = 30'000;
    int lock_timeout_ms = 10'000;
    // A transaction left open (a stuck caller) is ended by the server instead of holding locks.
    int idle_in_transaction_timeout_ms = 300'000;
};

// Keyword/value pairs for PQconnectdbParams (expand_dbname = 0).
struct ConnTarget {
    std::vector<std::string> keywords;
    std::vector<std::string> values;
    std::string description;  // "host:port/dbname" for messages; never the password
};

// Parses "postgresql://..." or "postgres://..." with libpq's own parser. Settings the URL gives
// win over the defaults; the session limits are prepended to any `options` the URL carries, so a
// URL's own -c settings (e.g. search_path, or a longer statement_timeout) still apply.
Result<ConnTarget> parse_target(std::string_view url, const PgOptions& options);

}  // namespace sanpi::store::postgres
