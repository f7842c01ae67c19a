#include "http/metrics.hpp"

#include <algorithm>

#include "http/exposition.hpp"

namespace sanpi::http {

namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;
constexpr std::array<std::string_view, 5> kClasses = {"1xx", "2xx", "3xx", "4xx", "5xx"};
constexpr std::string_view kUnmatchedLabel = "(unmatched)";

std::size_t bucket_of(std::chrono::microseconds took) {
    const double seconds = static_cast<double>(took.count()) / 1e6;
    const auto* found = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds);
    return static_cast<std::size_t>(found - kLatencyBuckets.begin());
}

}  // namespace

Metrics::Metrics(std::vector<RouteInfo> routes)
    : routes_(std::move(routes)),
      counters_(std::make_unique<Counters[]>(routes_.size() + 1)),
      last_seen_(std::make_unique<std::atomic<std::int64_t>[]>(kUserSlots)) {}

void Metrics::record(std::size_t slot, int status, std::chrono::microseconds took) {
    auto& c = counters_[std::min(slot, unmatched())];
    const int cls = std::clamp(status / 100, 1, 5) - 1;
    c.by_class[static_cast<std::size_t>(cls)].fetch_add(1, kRelaxed);
    c.in[bucket_of(took)].fetch_add(1, kRelaxed);
    c.micros.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, took.count())), kRelaxed);
}

// One slot per user id modulo kUserSlots, holding the last second seen: a store, no lock, and a
// scrape walks 4096 numbers instead of a sessions table. Users sharing a slot count once, so the
// figure is exact up to 4096 users with consecutive ids and a lower bound beyond.
void Metrics::saw_user(std::int64_t user_id, std::int64_t now) {
    auto& slot = last_seen_[static_cast<std::size_t>(user_id) % kUserSlots];
    if (slot.load(kRelaxed) != now) slot.store(now, kRelaxed);
}

std::size_t Metrics::active_users(std::int64_t now) const {
    std::size_t out = 0;
    for (std::size_t i = 0; i < kUserSlots; ++i) {
        const auto seen = last_seen_[i].load(kRelaxed);
        if (seen != 0 && seen > now - kActiveWindow.count()) ++out;
    }
    return out;
}

void Metrics::expose_requests(Exposition& out) const {
    out.family("sanpi_http_requests_total", "counter",
               "Requests answered, by route pattern and status class (HEAD counts under its GET route).");
    for (std::size_t i = 0; i <= routes_.size(); ++i) {
        const bool known = i < routes_.size();
        const std::string_view method = known ? std::string_view(routes_[i].method) : "";
        const std::string_view route = known ? std::string_view(routes_[i].pattern) : kUnmatchedLabel;
        for (std::size_t k = 0; k < kClasses.size(); ++k) {
            const auto n = counters_[i].by_class[k].load(kRelaxed);
            // Series appear once they have a request: a table of ~100 routes stays readable.
            if (n != 0)
                out.sample("sanpi_http_requests_total", {{"method", method}, {"route", route}, {"status", kClasses[k]}},
                           n);
        }
    }
}

void Metrics::expose_latency(Exposition& out) const {
    out.family("sanpi_http_request_duration_seconds", "histogram",
               "Time from a complete request to its answer, by route pattern.");
    for (std::size_t i = 0; i <= routes_.size(); ++i) {
        const auto& c = counters_[i];
        std::uint64_t count = 0;
        std::array<std::uint64_t, kLatencyBuckets.size() + 1> cumulative{};
        for (std::size_t b = 0; b < cumulative.size(); ++b) cumulative[b] = count += c.in[b].load(kRelaxed);
        if (count == 0) continue;
        const bool known = i < routes_.size();
        const std::string_view method = known ? std::string_view(routes_[i].method) : "";
        const std::string_view route = known ? std::string_view(routes_[i].pattern) : kUnmatchedLabel;
        for (std::size_t b = 0; b < cumulative.size(); ++b) {
            const std::string le = b < kLatencyBuckets.size() ? format_metric_number(kLatencyBuckets[b]) : "+Inf";
            out.sample("sanpi_http_request_duration_seconds_bucket", {{"method", method}, {"route", route}, {"le", le}},
                       cumulative[b]);
        }
        const MetricLabels labels{{"method", method}, {"route", route}};
        out.sample("sanpi_http_request_duration_seconds_sum", labels,
                   static_cast<double>(c.micros.load(kRelaxed)) / 1e6);
        out.sample("sanpi_http_request_duration_seconds_count", labels, count);
    }
}

std::string Metrics::exposition(const ServerGauges& gauges, const BuildInfo& build, std::int64_t now) const {
    Exposition out;
    expose_requests(out);
    expose_latency(out);
    out.family("sanpi_store_pool_connections", "gauge", "Database connections the pool may hold.");
    out.sample("sanpi_store_pool_connections", {}, static_cast<std::uint64_t>(gauges.pool.size));
    out.family("sanpi_store_pool_in_use", "gauge", "Database connections handed out now.");
    out.sample("sanpi_store_pool_in_use", {}, static_cast<std::uint64_t>(gauges.pool.in_use));
    out.family("sanpi_store_pool_waiting", "gauge", "Callers waiting for a database connection.");
    out.sample("sanpi_store_pool_waiting", {}, static_cast<std::uint64_t>(gauges.pool.waiting));
    out.family("sanpi_worker_queue_length", "gauge", "Requests waiting for a worker.");
    out.sample("sanpi_worker_queue_length", {}, static_cast<std::uint64_t>(gauges.queued));
    out.family("sanpi_http_connections_open", "gauge", "Open HTTP connections.");
    out.sample("sanpi_http_connections_open", {}, static_cast<std::uint64_t>(gauges.connections));
    out.family("sanpi_active_users", "gauge", "Signed-in users with a request in the last five minutes.");
    out.sample("sanpi_active_users", {}, static_cast<std::uint64_t>(active_users(now)));
    out.family("sanpi_build_info", "gauge", "The running build; always 1.");
    out.sample("sanpi_build_info", {{"version", build.version}, {"commit", build.commit}, {"backend", build.backend}},
               std::uint64_t{1});
    return out.text();
}

}  // namespace sanpi::http
