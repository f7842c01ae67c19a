#pragma once
// A bounded pool of PostgreSQL sessions shared by readers and writers (PostgreSQL, unlike SQLite,
// runs writers concurrently). Sessions open lazily up to the limit; a session the server has
// ended (restart, failover, idle timeout) is dropped when found, so the pool heals by itself.
// A session that comes back holding a finished read's COMMIT (pg_connection.hpp) sends it with its
// next use, or, if it stays idle for kHeldCommitLimit, from the pool's own thread.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "domain/error.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_conninfo.hpp"

namespace sanpi::store::postgres {

class ConnectionPool {
public:
    // Hands a connection out exclusively; returns it when destroyed (or drops it if broken).
    class Lease {
    public:
        Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {
            pool_->in_use_.fetch_add(1, std::memory_order_relaxed);
        }
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();
        Connection& operator*() const { return *conn_; }

    private:
        ConnectionPool* pool_;
        std::unique_ptr<Connection> conn_;
    };

    // `first` is the session opened to check the URL; it becomes the first idle one.
    ConnectionPool(ConnTarget target, PgOptions options, std::unique_ptr<Connection> first);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    // An idle healthy session, or a new one while under the limit; waits at most
    // options.acquire_wait for one to come back, then kUnavailable. A failed connect is kUnavailable.
    Result<Lease> acquire();
    // Relaxed counters, each exact on its own (the two may be a moment apart).
    std::size_t in_use() const { return in_use_.load(std::memory_order_relaxed); }
    std::size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }

private:
    void give_back(std::unique_ptr<Connection> conn);
    Result<Lease> open_new();
    void send_held_commits();  // the thread's loop

    const ConnTarget target_;
    const PgOptions options_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t open_ = 0;  // idle + leased + being opened
    std::atomic<std::size_t> in_use_{0};
    std::atomic<std::size_t> waiting_{0};
    const std::shared_ptr<sql::PairShares> pair_shares_ = std::make_shared<sql::PairShares>();
    std::condition_variable held_;  // wakes the thread: a session came back holding a COMMIT, or stop
    bool sender_waiting_ = false;   // the thread waits for such a session
    bool stopping_ = false;
    std::thread sender_;  // last: starts once everything above is ready
};

}  // namespace sanpi::store::postgres
