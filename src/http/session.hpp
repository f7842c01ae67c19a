#pragma once
// One HTTP/1.1 connection: read a request (with limits), let the App answer it on a worker,
// write, repeat while keep-alive holds. Every error, end of stream and timeout ends the loop.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstddef>

#include "http/app.hpp"
#include "http/workers.hpp"

namespace sanpi::http {

struct SessionLimits {
    std::size_t header_limit = 16 * 1024;
    std::size_t body_limit = 1 << 20;
    std::chrono::seconds read_timeout{30};
};

// Shared by all sessions of a server, so stop() can wait for in-flight requests.
struct ServerState {
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> connections{0};  // open HTTP connections, for /metrics
};

boost::asio::awaitable<void> run_session(boost::asio::ip::tcp::socket socket, App& app, Workers& workers,
                                         SessionLimits limits, ServerState& state);

}  // namespace sanpi::http
