// What /metrics costs a request: Metrics::record (one status-class counter, one bucket, the sum)
// and Metrics::saw_user, timed alone and with threads recording on the same route at once (the
// worst case: every worker answering one hot route, so their atomics share cache lines).
//   cmake --build build-rel --target sanpi_metrics_overhead && build-rel/bench/sanpi_metrics_overhead
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "http/metrics.hpp"

namespace {

constexpr int kCalls = 2'000'000;

double nanoseconds_per_request(sanpi::http::Metrics& metrics, int threads) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&metrics, t] {
            for (int i = 0; i < kCalls; ++i) {
                metrics.record(3, 200, std::chrono::microseconds(400 + (i & 1023)));
                metrics.saw_user(t + 1, 1'700'000'000 + i / 100'000);
            }
        });
    }
    for (auto& thread : pool) thread.join();
    const auto took = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - started).count();
    return took / (static_cast<double>(kCalls) * threads);  // wall time per request, all threads together
}

}  // namespace

int main() {
    std::vector<sanpi::http::RouteInfo> routes;
    for (int i = 0; i < 100; ++i) routes.push_back({"GET", "/api/v1/route" + std::to_string(i)});
    sanpi::http::Metrics metrics(routes);
    for (int threads : {1, 2, 4, 8}) {
        std::printf("%d thread(s) on one route: %.1f ns of wall time per request (record + saw_user)\n", threads,
                    nanoseconds_per_request(metrics, threads));
    }
    const auto started = std::chrono::steady_clock::now();
    const auto text = metrics.exposition({}, sanpi::http::compiled_build_info(), 1'700'000'000);
    std::printf("one scrape of 100 routes: %.1f µs, %zu bytes\n",
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started).count(),
                text.size());
}
