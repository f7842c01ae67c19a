#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/app.hpp"
#include "http/session.hpp"
#include "http/workers.hpp"

namespace sanpi::http {

namespace net = boost::asio;
using net::ip::tcp;

namespace {

constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);
constexpr std::chrono::seconds kDrainTimeout{5};

void log_exception(std::exception_ptr e) {
    if (!e) return;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        spdlog::error("http session ended by exception: {}", ex.what());
    } catch (...) {
        spdlog::error("http session ended by a non-standard exception");
    }
}

unsigned cores() { return std::max(1U, std::thread::hardware_concurrency()); }

}  // namespace

int default_network_threads() { return static_cast<int>(std::max(1U, cores() / 2)); }

int default_workers() { return static_cast<int>(std::max(8U, 2 * cores())); }

struct Server::Impl {
    Impl(ServerConfig c, Services services) : config(std::move(c)), app(config, services) {}

    net::awaitable<void> accept_loop();
    Result<std::uint16_t> listen();
    void wait_for_in_flight() const;
    void run_io();

    ServerConfig config;
    App app;
    ServerState state;
    std::mutex mutex;  // guards started/stopped
    bool started = false;
    bool stopped = false;
    std::vector<std::thread> threads;
    // Declared after everything a session refers to: destroying the io_context destroys the
    // suspended sessions, which must not outlive what they use.
    net::io_context ioc;
    tcp::acceptor acceptor{ioc};
    // After the io_context: requests a stopped pool never ran are destroyed with it, and with
    // them the sessions awaiting them, whose sockets need the io_context still alive.
    std::optional<Workers> workers;
};

net::awaitable<void> Server::Impl::accept_loop() {
    const SessionLimits limits{16 * 1024, config.body_limit, std::chrono::seconds(config.read_timeout_seconds)};
    net::steady_timer backoff(ioc);
    while (acceptor.is_open()) {
        auto [ec, socket] = co_await acceptor.async_accept(kUseTuple);
        if (ec == net::error::operation_aborted || !acceptor.is_open()) break;
        if (ec) {
            // e.g. out of file descriptors: wait a little instead of spinning.
            spdlog::warn("http accept failed: {}", ec.message());
            backoff.expires_after(std::chrono::milliseconds(100));
            co_await backoff.async_wait(kUseTuple);
            continue;
        }
        net::co_spawn(ioc, run_session(std::move(socket), app, *workers, limits, state), log_exception);
    }
}

Result<std::uint16_t> Server::Impl::listen() {
    boost::system::error_code ec;
    auto address = net::ip::make_address(config.address, ec);
    if (ec) return Error::invalid_field("address", "监听地址无效", "invalid listen address");
    tcp::endpoint endpoint(address, config.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (!ec) {
        auto bound = acceptor.local_endpoint(ec);
        if (!ec) return bound.port();
    }
    boost::system::error_code ignored;
    acceptor.close(ignored);
    spdlog::error("http cannot listen on {}:{}: {}", config.address, config.port, ec.message());
    return Error::unavailable("无法监听 " + config.address + ":" + std::to_string(config.port),
                              "cannot listen on " + config.address + ":" + std::to_string(config.port));
}

void Server::Impl::wait_for_in_flight() const {
    const auto deadline = std::chrono::steady_clock::now() + kDrainTimeout;
    while (state.in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

// An exception escaping a handler must not end an io thread (stop() relies on them).
void Server::Impl::run_io() {
    for (;;) {
        try {
            ioc.run();
            return;
        } catch (const std::exception& e) {
            spdlog::error("http io thread caught: {}", e.what());
        }
    }
}

Server::Server(ServerConfig config, Services services) : impl_(std::make_unique<Impl>(std::move(config), services)) {}

Server::~Server() { stop(); }

Result<std::uint16_t> Server::start() {
    std::lock_guard lock(impl_->mutex);
    if (impl_->started) return Error::conflict("服务已启动", "server already started");
    auto port = impl_->listen();
    if (!port) return port.error();
    impl_->started = true;
    const auto& config = impl_->config;
    const int workers = config.workers > 0 ? config.workers : default_workers();
    const int write_lanes = config.write_lanes > 0 ? config.write_lanes : std::max(1, workers - 1);
    impl_->workers.emplace(impl_->app, workers, write_lanes, config.queue_limit, config.before_handler);
    impl_->app.observe([impl = impl_.get()] {
        return ServerGauges{impl->workers->waiting(), impl->state.connections.load(std::memory_order_relaxed), {}};
    });
    net::co_spawn(impl_->ioc, impl_->accept_loop(), log_exception);
    const int threads = config.threads > 0 ? config.threads : default_network_threads();
    for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([this] { impl_->run_io(); });
    spdlog::info("http listening on {}:{} with {} network threads, {} workers ({} for writes), queue limit {}",
                 config.address, *port, threads, workers, write_lanes, config.queue_limit);
    return port;
}

void Server::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        if (!impl_->started || impl_->stopped) return;
        impl_->stopped = true;
    }
    impl_->state.stopping = true;
    // The acceptor belongs to the io threads; close it there. Shared state, as the wait is bounded.
    auto closed = std::make_shared<std::promise<void>>();
    net::post(impl_->ioc, [this, closed] {
        boost::system::error_code ignored;
        impl_->acceptor.close(ignored);
        closed->set_value();
    });
    closed->get_future().wait_for(kDrainTimeout);
    impl_->wait_for_in_flight();
    impl_->ioc.stop();
    for (auto& t : impl_->threads) t.join();
    impl_->threads.clear();
    impl_->workers->stop();
    spdlog::info("http server stopped");
}

void Server::run_until_signal() {
    {
        std::lock_guard lock(impl_->mutex);
        if (!impl_->started || impl_->stopped) return;
    }
    net::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
    auto received = std::make_shared<std::promise<int>>();
    signals.async_wait([received](const boost::system::error_code& ec, int signal) {
        if (!ec) received->set_value(signal);
    });
    auto future = received->get_future();
    // Also return when someone else stops the server, instead of waiting for a signal forever.
    while (future.wait_for(std::chrono::milliseconds(200)) == std::future_status::timeout) {
        std::lock_guard lock(impl_->mutex);
        if (impl_->stopped) return;
    }
    spdlog::info("http received signal {}, shutting down", future.get());
    stop();
}

}  // namespace sanpi::http
