#pragma once
// Handler work off the network threads: a fixed pool of workers with a bounded number of waiting
// requests. A session awaits its answer and resumes on its own (network) executor; a request
// arriving while every worker is busy and the waiting room is full is answered 503 at once, so
// the queue, and the latency it hides, never grows without bound.
//
// Writes (unsafe methods) go through `write_lanes` serial lanes: at most that many workers are
// busy with writes at once. The store takes only so many writers together (SQLite: one), and a
// worker waiting for the store's writer would otherwise be a worker no read can use: under a
// steady share of writes every worker ended up waiting for the writer while reads queued behind
// them. A write waiting for its lane holds no worker. Signing in, mostly password hashing, is not
// counted as a write.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <functional>
#include <vector>

#include "http/app.hpp"
#include "http/message.hpp"

namespace sanpi::http {

class Workers {
public:
    Workers(App& app, int threads, int write_lanes, std::size_t queue_limit,
            std::function<void(const Request&)> before_handler);
    ~Workers();
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    // The request's answer, computed on a worker; 503 when all workers and waiting places are taken.
    boost::asio::awaitable<Response> handle(const Request& request);
    // Drops requests still waiting and joins the workers once the running ones are done.
    void stop();
    // Requests admitted and not yet started on a worker.
    std::size_t waiting() const;

private:
    App& app_;
    const std::size_t capacity_;  // running + waiting
    std::function<void(const Request&)> before_handler_;
    std::atomic<std::size_t> admitted_{0};
    std::atomic<std::size_t> started_{0};  // of those admitted, running now
    boost::asio::thread_pool pool_;
    std::vector<boost::asio::strand<boost::asio::thread_pool::executor_type>> write_lanes_;  // after pool_
    std::atomic<std::size_t> next_lane_{0};
};

}  // namespace sanpi::http
