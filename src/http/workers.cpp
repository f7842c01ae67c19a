#include "http/workers.hpp"

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <string_view>

#include "http/handlers.hpp"

namespace sanpi::http {

namespace net = boost::asio;

namespace {

// Signing in is a write dominated by password hashing (tens of milliseconds of CPU around one small
// insert): a burst of log-ins runs in parallel on the pool, as other reads do, instead of holding
// every other write up on the lanes.
bool takes_write_lane(const Request& request) {
    if (!is_unsafe_method(request.method)) return false;
    const std::string_view target = request.target;
    return !(request.method == "POST" && target.substr(0, target.find('?')) == kSessionPath);
}

}  // namespace

Workers::Workers(App& app, int threads, int write_lanes, std::size_t queue_limit,
                 std::function<void(const Request&)> before_handler)
    : app_(app),
      capacity_(static_cast<std::size_t>(std::max(1, threads)) + queue_limit),
      before_handler_(std::move(before_handler)),
      pool_(static_cast<std::size_t>(std::max(1, threads))) {
    for (int i = 0; i < std::clamp(write_lanes, 1, std::max(1, threads)); ++i) {
        write_lanes_.push_back(net::make_strand(pool_.get_executor()));
    }
}

Workers::~Workers() { stop(); }

net::awaitable<Response> Workers::handle(const Request& request) {
    if (admitted_.fetch_add(1) >= capacity_) {
        admitted_.fetch_sub(1);
        co_return app_.overloaded(request);
    }
    // `request` lives in the awaiting session's frame, which stays suspended until this returns.
    // The work runs to its end without suspending, so a write holds its lane until it is done.
    net::any_io_executor executor = pool_.get_executor();
    if (takes_write_lane(request)) executor = write_lanes_[next_lane_.fetch_add(1) % write_lanes_.size()];
    co_return co_await net::co_spawn(
        executor,
        [this, &request]() -> net::awaitable<Response> {
            // The place is free as soon as the work is (not when the answer is written), and also
            // when the work throws: a lost place would shrink the server for good.
            struct Release {
                std::atomic<std::size_t>& admitted;
                std::atomic<std::size_t>& started;
                // Admitted first: a scrape between the two sees no waiting request rather than a phantom.
                ~Release() {
                    admitted.fetch_sub(1);
                    started.fetch_sub(1, std::memory_order_relaxed);
                }
            } release{admitted_, started_};
            started_.fetch_add(1, std::memory_order_relaxed);
            if (before_handler_) before_handler_(request);
            co_return app_.handle(request);
        },
        net::use_awaitable);
}

std::size_t Workers::waiting() const {
    const auto admitted = admitted_.load(std::memory_order_relaxed);
    const auto started = started_.load(std::memory_order_relaxed);
    return admitted > started ? admitted - started : 0;
}

void Workers::stop() {
    pool_.stop();
    pool_.join();
}

}  // namespace sanpi::http
