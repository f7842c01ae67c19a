#pragma once
// What /metrics reports, counted on the hot path with relaxed atomics only: one block of counters
// per route of the router's table (labelled by its pattern, never the raw path, so the number of
// series is bounded by the table), plus one block for requests no route took (static files, 404,
// 405, unreadable requests). No lock is taken per request; a scrape reads the counters as they
// are (a request may show in its count a moment before its bucket).
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "http/router.hpp"
#include "store/store.hpp"

namespace sanpi::http {

// Upper bounds of the latency buckets, in seconds: from a cached read (~1 ms) to a large export.
inline constexpr std::array<double, 12> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
// Signed-in users count as active for this long after their last request.
inline constexpr std::chrono::seconds kActiveWindow{300};

// Read at scrape time from the parts of the server that own them.
struct ServerGauges {
    std::size_t queued = 0;       // requests waiting for a worker
    std::size_t connections = 0;  // open HTTP connections
    store::PoolUse pool;
};

struct BuildInfo {
    std::string version;
    std::string commit;   // empty when the build did not know it
    std::string backend;  // "sqlite", "postgresql"; empty when not told
};

BuildInfo compiled_build_info();  // version and commit as CMake saw them

// Whether this request may read /metrics. With a token configured: only a request carrying
// "Authorization: Bearer <token>", wherever it comes from (behind a proxy on the same host every
// caller looks like loopback). Without one: only a loopback peer whose request no proxy forwarded
// (no Forwarded / X-Forwarded-For header).
bool metrics_allowed(const Request& request, std::string_view token);
bool is_loopback_address(std::string_view address);

class Metrics {
public:
    explicit Metrics(std::vector<RouteInfo> routes);

    // The slot of requests that matched no route.
    std::size_t unmatched() const { return routes_.size(); }
    // One finished request: its route slot (Route::index or unmatched()), status and duration.
    void record(std::size_t slot, int status, std::chrono::microseconds took);
    // A signed-in request by this user at `now` (seconds since the epoch).
    void saw_user(std::int64_t user_id, std::int64_t now);
    // Distinct users seen within kActiveWindow before `now` (a lower bound: see metrics.cpp).
    std::size_t active_users(std::int64_t now) const;

    std::string exposition(const ServerGauges& gauges, const BuildInfo& build, std::int64_t now) const;

private:
    struct Counters {
        std::array<std::atomic<std::uint64_t>, 5> by_class{};                     // 1xx … 5xx
        std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size() + 1> in{};  // per bucket; last: +Inf
        std::atomic<std::uint64_t> micros{0};
    };
    static constexpr std::size_t kUserSlots = 4096;

    void expose_requests(class Exposition& out) const;
    void expose_latency(class Exposition& out) const;

    std::vector<RouteInfo> routes_;
    std::unique_ptr<Counters[]> counters_;                    // routes_.size() + 1
    std::unique_ptr<std::atomic<std::int64_t>[]> last_seen_;  // per user slot, seconds
};

}  // namespace sanpi::http
